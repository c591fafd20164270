using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>Every programme, drafts included, with its cohorts: where coordinators start.</summary>
public sealed class IndexModel(ProgrammeStore programmes) : PageModel
{
    public IReadOnlyList<(ProgrammeView Programme, IReadOnlyList<CohortView> Cohorts)> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = new List<(ProgrammeView, IReadOnlyList<CohortView>)>();
        foreach (var programme in await programmes.ProgrammesAsync(includeDrafts: true, ct))
        {
            list.Add((programme, await programmes.CohortsOfAsync(programme.Id, upcomingOnly: false, ct)));
        }
        Programmes = list;
    }
}
