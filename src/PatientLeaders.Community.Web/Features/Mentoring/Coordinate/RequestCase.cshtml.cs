using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring.Coordinate;

/// <summary>
/// One request as coordinators see it: where it is, who is responsible now and what happens next, each mentor asked
/// and what they did, the reminders and hand-ons, and the coordinator's actions. Only what the mentee published:
/// never their goals in their own words, themes kept for matching only, or a mentor's message to the mentee.
/// Anyone who is not coordinating gets a 404, as for a request that does not exist.
/// </summary>
public sealed class RequestCaseModel(MentoringStore store, IOptions<MentoringOptions> options, TimeProvider clock, ILogger<RequestCaseModel> logger,
    IStringLocalizer<SharedResource> localizer) : PageModel
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
                ? localizer["That mentor cannot be offered for this request now. Choose again from the suggestions"]
                : localizer["This request is not waiting for a coordinator, so no mentor can be offered now"]);
            return Page();
        }
        if (!await store.SuggestMentorAsync(id, match.Mentor.MentorId, ct))
        {
            ModelState.AddModelError("", localizer["This request changed while you were looking. Check where it is now"]);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Status"] = localizer["We have asked {0} and told {1}.", match.Mentor.DisplayName, MentoringRequest.MenteeName].Value;
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
            ModelState.AddModelError("", localizer["This request is already closed"]);
        }
        else if (message.Length == 0)
        {
            ModelState.AddModelError("Input.Message", localizer["Write a kind message to the mentee explaining why the request is closing"]);
        }
        else if (message.Length > MaxCloseMessageLength)
        {
            ModelState.AddModelError("Input.Message", localizer["Your message must be {0} characters or fewer", MaxCloseMessageLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await store.CloseRequestAsync(id, message, ct))
        {
            ModelState.AddModelError("", localizer["This request changed while you were looking. Check where it is now"]);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Status"] = localizer["The request is closed. We have emailed {0} to read your message.", MentoringRequest.MenteeName].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Who must act now, in the coordinators' words.</summary>
    public string ResponsibleNow => MentoringRequest.Status switch
    {
        RequestStatus.Choosing => localizer["{0}, who is choosing from their suggestions", MentoringRequest.MenteeName].Value,
        RequestStatus.Waiting => localizer.Plural(Pending.Count, "{1}, the mentors asked",
            Pending.Select(c => c.MentorName).DefaultIfEmpty("").Aggregate((names, name) => localizer["{0} and {1}", names, name].Value)),
        RequestStatus.WithCoordinators => localizer["The coordinators: you"].Value,
        _ => localizer["Nobody: the request is settled"].Value,
    };

    /// <summary>What happens next, in the reader's language, with its dates as &lt;time&gt; elements.</summary>
    public IHtmlContent WhatNext
    {
        get
        {
            var request = MentoringRequest;
            var settings = Options;
            switch (request.Status)
            {
                case RequestStatus.Choosing:
                    return localizer.Html("When the mentee asks a mentor, that mentor has it. If they ask for help choosing, it comes to the coordinators.");
                case RequestStatus.Waiting when Pending.Count > 0:
                    var sent = Pending.Min(c => c.SentAt!.Value);
                    var next = request.Choices.Where(c => c.Status == ChoiceStatus.Queued).OrderBy(c => c.ChoiceOrder).FirstOrDefault();
                    var handOn = MentoringDay.Time(sent.AddDays(settings.HandOnDays));
                    return new HtmlContentBuilder()
                        .AppendHtml(Pending.All(c => c.RemindedAt is not null) ? localizer.Html("They have been reminded.")
                            : localizer.Html("A reminder goes on {0}.", MentoringDay.Time(sent.AddDays(settings.ReminderDays))))
                        .Append(" ")
                        .AppendHtml(next is null ? localizer.Html("Unanswered by {0}, it passes to the coordinators.", handOn)
                            : localizer.Html("Unanswered by {0}, it passes to {1}, the mentee's next choice.", handOn, next.MentorName));
                case RequestStatus.WithCoordinators:
                    return localizer.Html("Offer a mentor below, or close the request kindly. The mentee was told to expect contact by {0}.",
                        MentoringDay.Time(request.UpdatedAt.AddDays(settings.CoordinatorReplyDays)));
                default:
                    return localizer.Html("Nothing: the request is settled.");
            }
        }
    }

    /// <summary>How long ago something happened, in whole days: "today", "3 days ago".</summary>
    public string Age(DateTimeOffset since)
    {
        var days = (int)Math.Floor((Now - since).TotalDays);
        return days <= 0 ? localizer["today"].Value : localizer.Plural(days, "{0} days ago");
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
        History = HistoryOf(request, localizer);
        if (CanOfferMentor)
        {
            Suggestions = MentorMatcher.Suggest(await store.PreferencesAsync(request, ct), await store.CandidatesAsync(ct), RequestDetailModel.SuggestionCount);
        }
        return true;
    }

    /// <summary>The request's story from its own dates: every send, reminder, answer and hand-on, oldest first.</summary>
    public static IReadOnlyList<HistoryEntry> HistoryOf(MentoringRequest request, IStringLocalizer localizer)
    {
        string L(string key, params object[] arguments) => localizer[key, arguments].Value;
        var entries = new List<HistoryEntry> { new(request.CreatedAt, L("{0} asked for mentoring", request.MenteeName)) };
        foreach (var choice in request.Choices)
        {
            if (choice.SentAt is { } sent)
            {
                entries.Add(new(sent, choice.SuggestedByCoordinator ? L("A coordinator asked {0}", choice.MentorName) : L("Sent to {0}", choice.MentorName)));
            }
            if (choice.RemindedAt is { } reminded)
            {
                entries.Add(new(reminded, L("{0} was reminded", choice.MentorName)));
            }
            if (choice.RespondedAt is { } responded)
            {
                entries.Add(new(responded, choice.Status switch
                {
                    ChoiceStatus.Accepted => L("{0} accepted", choice.MentorName),
                    ChoiceStatus.Declined => string.IsNullOrEmpty(choice.DeclineMessage) ? L("{0} said no", choice.MentorName)
                        : L("{0} said no, with a message to the mentee", choice.MentorName),
                    ChoiceStatus.TimedOut => L("{0} did not answer in time, so the request was handed on", choice.MentorName),
                    _ => L("{0} was no longer asked", choice.MentorName),
                }));
            }
        }
        var last = request.Status switch
        {
            RequestStatus.WithCoordinators => L("The request came to the coordinators"),
            RequestStatus.Withdrawn => L("The mentee withdrew the request"),
            RequestStatus.Closed => L("A coordinator closed the request with a message to the mentee"),
            _ => null,
        };
        if (last is not null)
        {
            entries.Add(new(request.UpdatedAt, last));
        }
        return entries.OrderBy(e => e.At).ToList();
    }
}
