using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>Ending well: completed or ended early, with a reason and short feedback that only the coordinators read.</summary>
public sealed class EndModel(RelationshipStore store, PairMessenger messenger, ILogger<EndModel> logger, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxFeedbackLength = 2000;

    public sealed class InputModel
    {
        public string? Outcome { get; set; }

        public string? Reason { get; set; }

        public string? Feedback { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Relationship Pair { get; private set; } = new();

    public long MemberId { get; private set; }

    public static readonly Vocabulary Outcomes = new([
        new(RelationshipStatus.Completed, "We have completed our mentoring"),
        new(RelationshipStatus.EndedEarly, "We are ending early"),
    ]);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Pair.Status != RelationshipStatus.Active)
        {
            return NotFound();
        }
        if (!Outcomes.IsKnown(Input.Outcome))
        {
            ModelState.AddModelError("Input.Outcome", localizer["Choose whether you completed your mentoring or are ending early"].Value);
        }
        if (Input.Outcome == RelationshipStatus.EndedEarly && !MentoringVocabulary.EndReasons.IsKnown(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", localizer["Choose the reason closest to yours"].Value);
        }
        CheckFeedback();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var reason = Input.Outcome == RelationshipStatus.EndedEarly ? Input.Reason : null;
        if (await store.EndAsync(Pair, MemberId, Input.Outcome!, reason, Input.Feedback, ct))
        {
            await messenger.EndedAsync(id);
        }
        TempData["Status"] = Input.Outcome == RelationshipStatus.Completed
            ? localizer["Your mentoring is marked as complete. Thank you both."].Value
            : localizer["Your mentoring has ended. The time you spent still counts."].Value;
        return Redirect($"/mentoring/{id}");
    }

    public async Task<IActionResult> OnPostFeedbackAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Pair.Status == RelationshipStatus.Active)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Input.Feedback))
        {
            ModelState.AddModelError("Input.Feedback", localizer["Write a few words of feedback, or leave this page"].Value);
        }
        CheckFeedback();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await store.GiveFeedbackAsync(Pair, MemberId, Input.Feedback!, ct);
        TempData["Status"] = localizer["Thank you. Your feedback has gone to the mentoring coordinators."].Value;
        return Redirect($"/mentoring/{id}");
    }

    private void CheckFeedback()
    {
        if (Input.Feedback?.Length > MaxFeedbackLength)
        {
            ModelState.AddModelError("Input.Feedback", localizer["Feedback must be {0} characters or fewer", MaxFeedbackLength.ToString("N0", CultureInfo.CurrentCulture)].Value);
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        MemberId = CurrentMember.Id(User);
        if (await store.FindForMemberAsync(id, MemberId, ct) is not { } pair)
        {
            logger.LogWarning("Denied mentoring ending {RelationshipId} to member {MemberId}", id, MemberId);
            return false;
        }
        Pair = pair;
        return true;
    }
}
