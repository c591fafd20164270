using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring.Coordinate;

/// <summary>
/// Cohort matching: the best overall assignment of everyone waiting (min-cost flow over the same explainable scores
/// and hard rules as suggestions), shown as proposals the coordinator adjusts and publishes. Publishing asks each
/// chosen mentor, exactly as a mentee's own request would.
/// </summary>
[Authorize(Policy = MentoringServices.CoordinatorPolicy)]
public sealed class CohortModel(MentoringStore store, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(MentoringRequest Request, IReadOnlyList<MentorMatch> Options, long? ProposedMentorId);

    public sealed class InputModel
    {
        /// <summary>Request id → mentor id (0 = nobody for now).</summary>
        public Dictionary<long, long> Assign { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public CohortGoal Goal { get; set; } = CohortGoal.MostPeopleMatched;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<MentorCandidate> Mentors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ProposeAsync(ct);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        await ProposeAsync(ct);
        var chosen = Input.Assign.Where(a => a.Value > 0).ToList();
        foreach (var (requestId, mentorId) in chosen)
        {
            var row = Rows.FirstOrDefault(r => r.Request.Id == requestId);
            if (row is null || row.Options.All(o => o.Mentor.MentorId != mentorId))
            {
                ModelState.AddModelError(Key(requestId), localizer["That mentor cannot be matched with this person now. Choose again from the list"]);
            }
        }
        foreach (var group in chosen.GroupBy(a => a.Value))
        {
            var mentor = Mentors.First(m => m.MentorId == group.Key);
            if (group.Count() > mentor.RemainingCapacity)
            {
                ModelState.AddModelError(Key(group.First().Key), localizer.Plural(group.Count(), "{1} has room for {2}, but is chosen for {0} people", mentor.DisplayName, mentor.RemainingCapacity));
            }
        }
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(Rows.Count > 0 ? Key(Rows[0].Request.Id) : "", localizer["Choose a mentor for at least one person"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var sent = 0;
        foreach (var (requestId, mentorId) in chosen)
        {
            sent += await store.SuggestMentorAsync(requestId, mentorId, ct) ? 1 : 0;
        }
        TempData["Status"] = localizer.Plural(sent, "{0} requests have been sent. We have told each mentee.");
        return Redirect("/mentoring/coordinate");
    }

    public static string Key(long requestId) => $"Input.Assign[{requestId}]";

    /// <summary>The matcher's explanation in the reader's language.</summary>
    public static IHtmlContent Explanation(MentorMatch match, IStringLocalizer t) =>
        new HtmlString("<span class=\"explanation\">" + HtmlEncoder.Default.Encode(match.Explain(t)) + "</span>");

    private async Task ProposeAsync(CancellationToken ct)
    {
        var requests = (await store.OpenRequestsAsync(ct)).Where(r => r.Status is RequestStatus.WithCoordinators or RequestStatus.Choosing)
            .OrderBy(r => r.Status == RequestStatus.WithCoordinators ? 0 : 1).ThenBy(r => r.CreatedAt).ToList();
        Mentors = await store.CandidatesAsync(ct);
        var preferences = new List<MenteePreferences>();
        foreach (var request in requests)
        {
            preferences.Add(await store.PreferencesAsync(request, ct));
        }
        var eligible = Mentors.Where(m => !m.IsPaused && m.IsAccredited && m.RemainingCapacity > 0).ToList();
        var scores = preferences.Select(p => eligible.Select(m => MentorMatcher.Exclusion(p, m) is null ? MentorMatcher.Score(p, m) : null).ToList()).ToList();
        // A concave transform of the score favours lifting a poor pair over polishing a good one.
        var weights = scores.Select(row => (IReadOnlyList<int>)row.Select(s => s is null ? CohortMatcher.NotAllowed : (int)Math.Round(Math.Sqrt(s.Score) * 100)).ToList()).ToList();
        var assignment = CohortMatcher.Solve(weights, eligible.Select(m => m.RemainingCapacity).ToList(), Goal);
        Rows = requests.Select((request, i) => new Row(request,
            scores[i].Where(s => s is not null).Select(s => s!).OrderByDescending(s => s.Score).ThenBy(s => s.Mentor.MentorId).ToList(),
            assignment[i] >= 0 ? eligible[assignment[i]].MentorId : null)).ToList();
    }
}
