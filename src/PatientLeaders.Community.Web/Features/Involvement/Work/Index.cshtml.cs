using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Involvement.Organisations;
using PatientLeaders.Community.Web.Infrastructure.Exports;

namespace PatientLeaders.Community.Web.Features.Involvement.Work;

/// <summary>
/// Work in hand: a leader's own, an organisation's for its contacts, everything for the coordinators. Contacts and
/// coordinators export an organisation's approved claims as CSV for its finance team; the site never takes payments.
/// </summary>
public sealed class IndexModel(WorkStore work, OrganisationStore organisations) : PageModel
{
    public IReadOnlyList<EngagementView> Mine { get; private set; } = [];

    public IReadOnlyList<EngagementView> Managed { get; private set; } = [];

    public IReadOnlyList<OrganisationView> Exportable { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await work.OfMemberAsync(CurrentMember.Id(User), ct);
        var coordinator = InvolvementAccess.IsCoordinator(User);
        var organisationIds = Roles.OrganisationsOf(User);
        Managed = coordinator ? await work.AllAsync(ct) : await work.OfOrganisationsAsync(organisationIds, ct);
        Exportable = (await organisations.AllAsync(ct)).Where(g => coordinator || organisationIds.Contains(g.Id)).ToList();
    }

    public async Task<IActionResult> OnGetCsvAsync(long organisationId, CancellationToken ct)
    {
        if (!InvolvementAccess.Manages(User, organisationId) || await organisations.FindAsync(organisationId, ct) is not { } organisation)
        {
            return NotFound();
        }
        var claims = await work.ApprovedClaimsOfOrganisationAsync(organisationId, ct);
        var rows = new List<string[]> { new[] { "Claim", "Leader", "Activity", "Kind", "Date worked", "Hours", "Fee (GBP)", "Expense (GBP)", "Description", "Approved on", "Paid on" } };
        rows.AddRange(claims.Select(c => new[]
        {
            c.Id.ToString(CultureInfo.InvariantCulture), c.LeaderName, c.Activity, c.Kind, Day(c.WorkedOn),
            (c.Minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture), Pounds(c.FeePence), Pounds(c.ExpensePence), c.Description,
            c.DecidedAt is { } decided ? Day(decided) : "", c.PaidOn is { } paid ? Day(paid) : "",
        }));
        return File(await CsvFile.BuildAsync(rows, ct), "text/csv; charset=utf-8", $"{organisation.Slug}-approved-claims.csv");
    }

    public static string Day(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Pounds(long pence) => (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
