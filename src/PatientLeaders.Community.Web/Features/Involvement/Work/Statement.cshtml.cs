using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Exports;

namespace PatientLeaders.Community.Web.Features.Involvement.Work;

/// <summary>
/// A leader's statement of earnings through the Centre for one UK tax year (6 April to 5 April): every approved
/// claim from the one ledger, involvement and programme delivery alike, with fees and expenses in separate columns.
/// A payment belongs to the tax year it was paid in; approved but unpaid work, to the year it was done.
/// </summary>
public sealed class StatementModel(WorkStore work, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<ClaimView> Lines { get; private set; } = [];

    public long Fees => Lines.Sum(l => (long)l.FeePence);

    public long Expenses => Lines.Sum(l => (long)l.ExpensePence);

    public int Minutes => Lines.Sum(l => l.Minutes);

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct) => await LoadAsync(year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int? year, CancellationToken ct)
    {
        if (!await LoadAsync(year, ct))
        {
            return NotFound();
        }
        var rows = new List<string[]> { new[] { "Payer", "Activity", "Kind", "Date worked", "Hours", "Fee (GBP)", "Expenses (GBP)", "Date paid" } };
        rows.AddRange(Lines.Select(l => new[]
        {
            l.Payer ?? "Centre for Patient Leaders", l.Activity, l.Kind, IndexModel.Day(l.WorkedOn), (l.Minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture),
            IndexModel.Pounds(l.FeePence), IndexModel.Pounds(l.ExpensePence), l.PaidOn is { } paid ? IndexModel.Day(paid) : "not yet paid",
        }));
        rows.Add(["Total", TaxYear.Name(Year), "", "", (Minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture), IndexModel.Pounds(Fees), IndexModel.Pounds(Expenses), ""]);
        return File(await CsvFile.BuildAsync(rows, ct), "text/csv; charset=utf-8", $"statement-of-earnings-{Year}-{(Year + 1) % 100:00}.csv");
    }

    private async Task<bool> LoadAsync(int? year, CancellationToken ct)
    {
        var current = TaxYear.Of(clock.GetUtcNow());
        if (year is < 2000 || year > current + 1)
        {
            return false;
        }
        var approved = (await work.ClaimsOfMemberAsync(CurrentMember.Id(User), ct)).Where(c => c.Status == ClaimStatus.Approved).ToList();
        Year = year ?? current;
        Years = approved.Select(c => TaxYear.Of(c.TaxDate)).Append(current).Distinct().OrderDescending().ToList();
        Lines = approved.Where(c => TaxYear.Of(c.TaxDate) == Year).OrderBy(c => c.TaxDate).ThenBy(c => c.Id).ToList();
        return true;
    }
}
