using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Mentoring.Coordinate;

/// <summary>
/// One request as coordinators see it: where it is, who is responsible now and what happens next, each mentor asked
/// and what they did, the reminders and hand-ons, and the coordinator's actions. Only what the mentee published:
/// never their goals in their own words, themes kept for matching only, or a mentor's message to the mentee.
/// Anyone who is not coordinating gets a 404, as for a request that does not exist.
/// </summary>
public sealed class RequestCaseModel(MentoringStore store, IOptions<MentoringOptions> options, TimeProvider clock, ILogger<RequestCaseModel> logger) : PageModel
{
    public const int MaxCloseMessageLength = 1000;

    public sealed record HistoryEntry(DateTimeOffset At, string What);

    public sealed class InputModel
    {
        public long MentorId { get; set; }

        public string? Message { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MentoringRequest MentoringRequest { get; private set; } = new();

    public IReadOnlyList<MentorMatch> Suggestions { get; private set; } = [];

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public MentoringOptions Options => options.Value;

    public bool CanOfferMentor => MentoringRequest.Status is RequestStatus.Choosing or RequestStatus.WithCoordinators;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOfferAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var match = Suggestions.FirstOrDefault(s => s.Mentor.MentorId == Input.MentorId);
        if (!CanOfferMentor || match is null)
        {
            ModelState.AddModelError("", CanOfferMentor
                ? "That mentor cannot be offered for this request now. Choose again from the suggestions"
                : "This request is not waiting for a coordinator, so no mentor can be offered now");
            return Page();
        }
        if (!await store.SuggestMentorAsync(id, match.Mentor.MentorId, ct))
        {
            ModelState.AddModelError("", "This request changed while you were looking. Check where it is now");
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Status"] = $"We have asked {match.Mentor.DisplayName} and told {MentoringRequest.MenteeName}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var message = Input.Message?.Trim() ?? "";
        if (!RequestStatus.IsOpen(MentoringRequest.Status))
        {
            ModelState.AddModelError("", "This request is already closed");
        }
        else if (message.Length == 0)
        {
            ModelState.AddModelError("Input.Message", "Write a kind message to the mentee explaining why the request is closing");
        }
        else if (message.Length > MaxCloseMessageLength)
        {
            ModelState.AddModelError("Input.Message", $"Your message must be {MaxCloseMessageLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await store.CloseRequestAsync(id, message, ct))
        {
            ModelState.AddModelError("", "This request changed while you were looking. Check where it is now");
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Status"] = $"The request is closed. We have emailed {MentoringRequest.MenteeName} to read your message.";
        return RedirectToPage(new { id });
    }

    /// <summary>Who must act now, in the coordinators' words.</summary>
    public string ResponsibleNow => MentoringRequest.Status switch
    {
        RequestStatus.Choosing => $"{MentoringRequest.MenteeName}, who is choosing from their suggestions",
        RequestStatus.Waiting => string.Join(" and ", Pending.Select(c => c.MentorName)) + (Pending.Count == 1 ? ", the mentor asked" : ", the mentors asked"),
        RequestStatus.WithCoordinators => "The coordinators: you",
        _ => "Nobody: the request is settled",
    };

    public string WhatNext
    {
        get
        {
            var request = MentoringRequest;
            var settings = Options;
            switch (request.Status)
            {
                case RequestStatus.Choosing:
                    return "When the mentee asks a mentor, that mentor has it. If they ask for help choosing, it comes to the coordinators.";
                case RequestStatus.Waiting when Pending.Count > 0:
                    var sent = Pending.Min(c => c.SentAt!.Value);
                    var next = request.Choices.Where(c => c.Status == ChoiceStatus.Queued).OrderBy(c => c.ChoiceOrder).FirstOrDefault();
                    var reminder = Pending.All(c => c.RemindedAt is not null) ? "They have been reminded. " : $"A reminder goes on {MentoringDates.Show(sent.AddDays(settings.ReminderDays))}. ";
                    return reminder + $"Unanswered by {MentoringDates.Show(sent.AddDays(settings.HandOnDays))}, it passes to "
                        + (next is null ? "the coordinators." : $"{next.MentorName}, the mentee's next choice.");
                case RequestStatus.WithCoordinators:
                    return $"Offer a mentor below, or close the request kindly. The mentee was told to expect contact by {MentoringDates.Show(request.UpdatedAt.AddDays(settings.CoordinatorReplyDays))}.";
                default:
                    return "Nothing: the request is settled.";
            }
        }
    }

    private List<RequestChoice> Pending => MentoringRequest.Choices.Where(c => c.Status == ChoiceStatus.Pending).ToList();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        if (!MentoringServices.IsCoordinating(User) || await store.RequestAsync(id, ct) is not { } request)
        {
            logger.LogWarning("Denied coordinator view of mentoring request {RequestId} to member {MemberId}", id, memberId);
            return false;
        }
        Now = clock.GetUtcNow();
        MentoringRequest = request;
        History = HistoryOf(request);
        if (CanOfferMentor)
        {
            Suggestions = MentorMatcher.Suggest(await store.PreferencesAsync(request, ct), await store.CandidatesAsync(ct), RequestDetailModel.SuggestionCount);
        }
        return true;
    }

    /// <summary>The request's story from its own dates: every send, reminder, answer and hand-on, oldest first.</summary>
    public static IReadOnlyList<HistoryEntry> HistoryOf(MentoringRequest request)
    {
        var entries = new List<HistoryEntry> { new(request.CreatedAt, $"{request.MenteeName} asked for mentoring") };
        foreach (var choice in request.Choices)
        {
            if (choice.SentAt is { } sent)
            {
                entries.Add(new(sent, choice.SuggestedByCoordinator ? $"A coordinator asked {choice.MentorName}" : $"Sent to {choice.MentorName}"));
            }
            if (choice.RemindedAt is { } reminded)
            {
                entries.Add(new(reminded, $"{choice.MentorName} was reminded"));
            }
            if (choice.RespondedAt is { } responded)
            {
                entries.Add(new(responded, choice.Status switch
                {
                    ChoiceStatus.Accepted => $"{choice.MentorName} accepted",
                    ChoiceStatus.Declined => $"{choice.MentorName} said no" + (string.IsNullOrEmpty(choice.DeclineMessage) ? "" : ", with a message to the mentee"),
                    ChoiceStatus.TimedOut => $"{choice.MentorName} did not answer in time, so the request was handed on",
                    _ => $"{choice.MentorName} was no longer asked",
                }));
            }
        }
        var last = request.Status switch
        {
            RequestStatus.WithCoordinators => "The request came to the coordinators",
            RequestStatus.Withdrawn => "The mentee withdrew the request",
            RequestStatus.Closed => "A coordinator closed the request with a message to the mentee",
            _ => null,
        };
        if (last is not null)
        {
            entries.Add(new(request.UpdatedAt, last));
        }
        return entries.OrderBy(e => e.At).ToList();
    }
}
