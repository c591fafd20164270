using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Programmes.Outcomes;

namespace PatientLeaders.Community.Web.Features.Involvement.Work;

/// <summary>Whether the pool is working, for the coordinators. Counts of people below the reporting threshold are shown as "fewer than 10".</summary>
[Authorize(Policy = ProgrammesServices.CoordinatorPolicy)]
public sealed class OverviewModel(PoolOverview overview, IOptions<InvolvementOptions> options) : PageModel
{
    public IReadOnlyList<SlowOrganisation> Slow { get; private set; } = [];

    public IReadOnlyList<NeverChosen> NeverChosen { get; private set; } = [];

    public Fairness Fairness { get; private set; } = new(0, 0, 0, 0, null);

    public int ApprovalDays => options.Value.ApprovalDays;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Slow = await overview.SlowOrganisationsAsync(ApprovalDays, ct);
        NeverChosen = await overview.NeverChosenAsync(ct);
        Fairness = await overview.FairnessAsync(ct);
    }

    public static bool Reportable(int count) => count == 0 || OutcomeStatistics.IsReportable(count);
}
