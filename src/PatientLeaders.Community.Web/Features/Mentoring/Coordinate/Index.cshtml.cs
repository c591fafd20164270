using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Mentoring.Coordinate;

/// <summary>The coordinators' dashboard: status and dates only, never goals, notes or messages.</summary>
[Authorize(Policy = MentoringServices.CoordinatorPolicy)]
public sealed class DashboardModel(MentoringStore store, RelationshipStore relationships, PairMessenger messenger, IOptions<MentoringOptions> options, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MentoringRequest> OpenRequests { get; private set; } = [];

    public IReadOnlyList<MentorCandidate> Mentors { get; private set; } = [];

    public IReadOnlyDictionary<long, DateTimeOffset?> AccreditedUntil { get; private set; } = new Dictionary<long, DateTimeOffset?>();

    public IReadOnlyList<(Relationship Pair, string Why)> NeedingAttention { get; private set; } = [];

    public IReadOnlyList<Relationship> RecentlyEnded { get; private set; } = [];

    public double? MedianDaysToMatch { get; private set; }

    public int MatchedCount { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public MentoringOptions Options => options.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        OpenRequests = await store.OpenRequestsAsync(ct);
        Mentors = await store.CandidatesAsync(ct);
        var accreditations = new Dictionary<long, DateTimeOffset?>();
        foreach (var mentor in Mentors)
        {
            accreditations[mentor.MentorId] = (await store.AccreditationsAsync(mentor.MentorId, ct))
                .Where(a => MentoringVocabulary.MentoringAccreditations.Contains(a.Kind)).Select(a => (DateTimeOffset?)a.ExpiresOn).Max();
        }
        AccreditedUntil = accreditations;
        var quietSince = Now.AddDays(-7 * Options.QuietWeeks);
        NeedingAttention = (await relationships.ActiveAsync(ct))
            .Select(p => (Pair: p, Why: p.HasFitConcern && p.FitConcernHandledAt is null
                ? (p.MenteeFit == "NotAFit" ? "The mentee said after the first session that it is not a good fit" : "The mentor said after the first session that it is not a good fit")
                : (p.LastSessionAt ?? p.StartedAt) < quietSince ? $"No session logged for more than {Options.QuietWeeks} weeks" : ""))
            .Where(x => x.Why.Length > 0).ToList();
        RecentlyEnded = await relationships.RecentlyEndedAsync(Now.AddDays(-90), ct);
        var times = (await relationships.TimesToMatchAsync(Now.AddDays(-180), ct)).Select(t => t.TotalDays).Order().ToList();
        MatchedCount = times.Count;
        MedianDaysToMatch = times.Count == 0 ? null : times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
    }

    public async Task<IActionResult> OnPostOfferNewMatchAsync(long relationshipId, CancellationToken ct)
    {
        if (!await relationships.OfferNewMatchAsync(relationshipId, ct))
        {
            return NotFound();
        }
        await messenger.EndedAsync(relationshipId);
        TempData["Status"] = "The match has been closed kindly. The mentee has been invited to choose again, with their earlier answers filled in.";
        return RedirectToPage();
    }

    public static string Responsible(MentoringRequest request) => request.Status switch
    {
        RequestStatus.Choosing => "The mentee is choosing",
        RequestStatus.Waiting => "Waiting for " + string.Join(", ", request.Choices.Where(c => c.Status == ChoiceStatus.Pending).Select(c => c.MentorName)),
        _ => "Coordinators",
    };
}
