using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Programmes.Outcomes;

namespace PatientLeaders.Community.Web.Features.Impact;

/// <summary>
/// The difference the pool makes, for anyone: involvement projects completed against the goal, organisations
/// involved, hours of paid involvement and published stories. Hours are shown only when ten or more leaders stand
/// behind them, so nobody's earnings can be worked out.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(StoryStore stories, IOptions<ImpactOptions> options) : PageModel
{
    public InvolvementFigures Figures { get; private set; } = new();

    public IReadOnlyList<StoryView> Latest { get; private set; } = [];

    public IReadOnlyDictionary<string, int> FollowUps { get; private set; } = new Dictionary<string, int>();

    public int Goal => options.Value.InvolvementProjectsGoal;

    public bool HoursShown => OutcomeStatistics.IsReportable(Figures.PaidLeaders);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await stories.FiguresAsync(ct);
        Latest = (await stories.PublishedAsync(ct)).Take(3).ToList();
        FollowUps = await stories.FollowUpsAsync(ct);
    }
}
