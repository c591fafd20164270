using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring.Coordinate;

/// <summary>The coordinators' dashboard: status and dates only, never goals, notes or messages.</summary>
[Authorize(Policy = MentoringServices.CoordinatorPolicy)]
public sealed class DashboardModel(MentoringStore store, RelationshipStore relationships, PairMessenger messenger, IOptions<MentoringOptions> options, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
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
                ? (p.MenteeFit == "NotAFit" ? localizer["The mentee said after the first session that it is not a good fit"].Value
                    : localizer["The mentor said after the first session that it is not a good fit"].Value)
                : (p.LastSessionAt ?? p.StartedAt) < quietSince ? localizer.Plural(Options.QuietWeeks, "No session logged for more than {0} weeks") : ""))
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
        TempData["Status"] = localizer["The match has been closed kindly. The mentee has been invited to choose again, with their earlier answers filled in."].Value;
        return RedirectToPage();
    }

    /// <summary>Who acts next on an open request, in the reader's language.</summary>
    public string Responsible(MentoringRequest request) => request.Status switch
    {
        RequestStatus.Choosing => localizer["The mentee is choosing"].Value,
        RequestStatus.Waiting => localizer["Waiting for {0}", string.Join(", ", request.Choices.Where(c => c.Status == ChoiceStatus.Pending).Select(c => c.MentorName))].Value,
        _ => localizer["Coordinators"].Value,
    };

    /// <summary>How long a request has waited, in whole days.</summary>
    public string Age(DateTimeOffset since)
    {
        var days = (int)Math.Floor((Now - since).TotalDays);
        return days <= 0 ? localizer["today"].Value : localizer.Plural(days, "{0} days");
    }
}
