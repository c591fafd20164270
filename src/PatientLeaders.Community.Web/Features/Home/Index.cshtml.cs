using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Impact;
using PatientLeaders.Community.Web.Features.Programmes;

namespace PatientLeaders.Community.Web.Features.Home;

/// <summary>
/// "/": for visitors, the Centre's front door (what happens here, upcoming programmes, stories, how to join, how to
/// reach us); for members, their home (next meeting, mentoring, discussions, drafts, opportunities, tasks).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(DashboardStore dashboards, ProgrammeStore programmes, StoryStore stories, IOptions<CentreOptions> centre,
    IOptions<AccountOptions> accounts) : PageModel
{
    public const int UpcomingCount = 4;

    public const int StoryCount = 3;

    public CentreOptions Centre => centre.Value;

    public bool OpenRegistration => accounts.Value.IsOpenRegistration;

    public Dashboard? Dashboard { get; private set; }

    public long MemberId { get; private set; }

    public IReadOnlyList<CohortView> Upcoming { get; private set; } = [];

    public IReadOnlyList<StoryView> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            MemberId = CurrentMember.Id(User);
            Dashboard = await dashboards.LoadAsync(User, ct);
            return;
        }
        Upcoming = (await programmes.UpcomingCohortsAsync(ct)).Take(UpcomingCount).ToList();
        Stories = (await stories.PublishedAsync(ct)).Take(StoryCount).ToList();
    }
}
