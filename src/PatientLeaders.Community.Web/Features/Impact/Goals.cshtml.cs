using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Programmes.Outcomes;

namespace PatientLeaders.Community.Web.Features.Impact;

/// <summary>
/// The Centre's five-year aims against what the site records, for anyone to see. Counts of people below the
/// reporting threshold are shown as "fewer than 10"; counts of programmes are not about people and are shown as they are.
/// </summary>
[AllowAnonymous]
public sealed class GoalsModel(ProgrammeStore programmes, StoryStore stories, IOptions<ImpactOptions> options) : PageModel
{
    public sealed record Goal(string Label, int? Recorded, int Target, bool AboutPeople, string? Note = null);

    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await programmes.GoalCountsAsync(ct);
        var involvement = await stories.FiguresAsync(ct);
        var goals = options.Value;
        Goals =
        [
            new("Programmes run in the UK", counts.ProgrammesUk, goals.ProgrammesUkGoal, AboutPeople: false),
            new("Programmes run abroad", counts.ProgrammesAbroad, goals.ProgrammesAbroadGoal, AboutPeople: false),
            new("Patient leaders learning online", counts.OnlineLearners, goals.OnlineLearnersGoal, AboutPeople: true),
            new("Patient leaders trained to run programmes", counts.TrainedToDeliver, goals.TrainedToDeliverGoal, AboutPeople: true),
            new("Involvement projects", involvement.ProjectsCompleted, goals.InvolvementProjectsGoal, AboutPeople: false),
        ];
    }

    public static bool Shown(Goal goal) => goal.Recorded is not null && (!goal.AboutPeople || goal.Recorded == 0 || OutcomeStatistics.IsReportable(goal.Recorded.Value));
}
