using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// One request, seen by its mentee (status, suggestions, choosing) or by a mentor it has reached (details and the
/// answer). Anyone else, coordinators and admins included, gets a 404.
/// </summary>
[EnableRateLimiting(MentoringServices.RequestLimit)]
public sealed class RequestDetailModel(MentoringStore store, IOptions<MentoringOptions> options, ILogger<RequestDetailModel> logger,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int SuggestionCount = 5;
    public const int MaxChoices = 3;

    public sealed class ChooseInput
    {
        /// <summary>Mentor id → 1st, 2nd or 3rd choice (0 = do not ask).</summary>
        public Dictionary<long, int> Order { get; set; } = [];

        public bool AllAtOnce { get; set; }
    }

    public sealed class DeclineInput
    {
        [StringLength(1000, ErrorMessage = "Your message must be 1,000 characters or fewer")]
        public string? Message { get; set; }

        public bool Pause { get; set; }
    }

    [BindProperty]
    public ChooseInput Choose { get; set; } = new();

    [BindProperty]
    public DeclineInput Decline { get; set; } = new();

    public MentoringRequest MentoringRequest { get; private set; } = new();

    public bool IsMentee { get; private set; }

    /// <summary>The viewer's own choice on this request when they are one of the mentors asked.</summary>
    public RequestChoice? MentorChoice { get; private set; }

    public IReadOnlyList<MentorMatch> Suggestions { get; private set; } = [];

    /// <summary>For the mentor: why they were suggested, from what both published only.</summary>
    public MentorMatch? WhyYou { get; private set; }

    public MentoringOptions Options => options.Value;

    public bool CanChoose => IsMentee && MentoringRequest.Status is RequestStatus.Choosing or RequestStatus.WithCoordinators;

    public async Task<IActionResult> OnGetAsync(long id, long? mentor, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (mentor is { } chosen && CanChoose && await PutFirstAsync(chosen, ct))
        {
            Choose.Order[chosen] = 1;
        }
        return Page();
    }

    /// <summary>
    /// The mentor the mentee picked from the directory goes first on the list, suggested or not, as long as they are
    /// accredited and have room; anyone else's id is ignored.
    /// </summary>
    private async Task<bool> PutFirstAsync(long mentorId, CancellationToken ct)
    {
        if ((await store.CandidatesAsync(ct)).FirstOrDefault(c => c.MentorId == mentorId && c.IsAccredited && c.HasRoom
                && c.MentorId != MentoringRequest.MenteeId) is not { } candidate)
        {
            return false;
        }
        var match = Suggestions.FirstOrDefault(s => s.Mentor.MentorId == mentorId)
            ?? MentorMatcher.Score(await store.PreferencesAsync(MentoringRequest, ct), candidate);
        Suggestions = [match, .. Suggestions.Where(s => s.Mentor.MentorId != mentorId)];
        return true;
    }

    public async Task<IActionResult> OnPostChooseAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsMentee)
        {
            return NotFound();
        }
        var picks = Choose.Order.Where(p => p.Value is >= 1 and <= MaxChoices).OrderBy(p => p.Value).ToList();
        // A mentor picked from the directory may be outside the suggestions: still theirs to ask while they have room.
        foreach (var pick in picks.Where(p => Suggestions.All(s => s.Mentor.MentorId != p.Key)).ToList())
        {
            if (CanChoose)
            {
                await PutFirstAsync(pick.Key, ct);
            }
        }
        if (!CanChoose)
        {
            ModelState.AddModelError("", localizer["This request is no longer open for choosing."].Value);
        }
        else if (picks.Count == 0)
        {
            ModelState.AddModelError(FirstOrderKey(), localizer["Choose at least one mentor to ask, or ask a coordinator to choose for you"].Value);
        }
        else if (picks.Select(p => p.Value).Distinct().Count() != picks.Count)
        {
            ModelState.AddModelError(FirstOrderKey(), localizer["Give each mentor a different place in your order"].Value);
        }
        else if (picks.Any(p => Suggestions.All(s => s.Mentor.MentorId != p.Key)))
        {
            ModelState.AddModelError(FirstOrderKey(), localizer["One of the mentors you chose is no longer available. Please choose again from the list"].Value);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await store.ChooseMentorsAsync(id, MentoringRequest.MenteeId, picks.Select(p => p.Key).ToList(), Choose.AllAtOnce, ct))
        {
            return NotFound();
        }
        TempData["Status"] = picks.Count == 1 || Choose.AllAtOnce
            ? localizer["Your request has been sent. We will email you when there is an answer."].Value
            : localizer["Your request has been sent to your first choice. If they cannot, we will ask your next choice."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAskCoordinatorsAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsMentee || !await store.AskCoordinatorsAsync(id, MentoringRequest.MenteeId, ct))
        {
            return NotFound();
        }
        TempData["Status"] = localizer.Plural(Options.CoordinatorReplyDays, "A mentoring coordinator will find you a mentor and be in touch within {0} days.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsMentee || !await store.WithdrawRequestAsync(id, MentoringRequest.MenteeId, ct))
        {
            return NotFound();
        }
        TempData["Status"] = localizer["Your request has been withdrawn. You can ask again at any time."].Value;
        return Redirect("/mentoring");
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || MentorChoice is null)
        {
            return NotFound();
        }
        var (result, relationshipId) = await store.AcceptAsync(MentorChoice.Id, CurrentMember.Id(User), ct);
        switch (result)
        {
            case ResponseResult.Accepted:
                TempData["Status"] = localizer["Thank you. You are now {0}'s mentor, and we have told them.", MentoringRequest.MenteeName].Value;
                return Redirect($"/mentoring/{relationshipId}");
            case ResponseResult.NoRoom:
                ModelState.AddModelError("", localizer["All your mentoring places are in use. To accept, raise how many mentees you can support on your mentoring offer, or say no kindly below."].Value);
                return await ReloadAsync(id, ct);
            case ResponseResult.NoLongerOpen:
                TempData["Status"] = localizer["This request has already been settled, so it no longer needs your answer. Thank you."].Value;
                return RedirectToPage(new { id });
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || MentorChoice is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await store.DeclineAsync(MentorChoice.Id, CurrentMember.Id(User), Decline.Message, Decline.Pause, ct);
        if (result == ResponseResult.NotFound)
        {
            return NotFound();
        }
        TempData["Status"] = result == ResponseResult.Declined
            ? (Decline.Pause
                ? localizer["Thank you for letting {0} know. You are not taking mentees now; you can change that on your mentoring offer.", MentoringRequest.MenteeName].Value
                : localizer["Thank you for letting {0} know.", MentoringRequest.MenteeName].Value)
            : localizer["This request has already been settled, so it no longer needs your answer. Thank you."].Value;
        return Redirect("/mentoring");
    }

    private string FirstOrderKey() => Suggestions.Count > 0 ? $"Choose.Order[{Suggestions[0].Mentor.MentorId}]" : "";

    private async Task<IActionResult> ReloadAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        if (await store.RequestAsync(id, ct) is not { } request)
        {
            logger.LogInformation("Mentoring request {RequestId} not found for member {MemberId}", id, memberId);
            return false;
        }
        MentoringRequest = request;
        IsMentee = request.MenteeId == memberId;
        MentorChoice = request.Choices.FirstOrDefault(c => c.MentorId == memberId && c.Status != ChoiceStatus.Queued);
        if (!IsMentee && MentorChoice is null)
        {
            logger.LogWarning("Denied mentoring request {RequestId} to member {MemberId}", id, memberId);
            return false;
        }
        var preferences = await store.PreferencesAsync(request, ct);
        if (CanChoose)
        {
            Suggestions = MentorMatcher.Suggest(preferences, await store.CandidatesAsync(ct), SuggestionCount);
        }
        else if (MentorChoice is not null && (await store.CandidatesAsync(ct)).FirstOrDefault(c => c.MentorId == memberId) is { } me)
        {
            WhyYou = MentorMatcher.Score(preferences, me);
        }
        return true;
    }
}
