using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>The public catalogue: every published programme with its upcoming cohorts and places left.</summary>
[AllowAnonymous]
public sealed class IndexModel(ProgrammeStore programmes) : PageModel
{
    public IReadOnlyList<ProgrammeView> Programmes { get; private set; } = [];

    public ILookup<long, CohortView> Upcoming { get; private set; } = Array.Empty<CohortView>().ToLookup(c => c.ProgrammeId);

    public bool IsCoordinator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsCoordinator = ProgrammesPolicy.IsCoordinator(User);
        Programmes = await programmes.ProgrammesAsync(includeDrafts: false, ct);
        Upcoming = (await programmes.UpcomingCohortsAsync(ct)).ToLookup(c => c.ProgrammeId);
    }
}
