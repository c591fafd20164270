using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>Ending well: completed or ended early, with a reason and short feedback that only the coordinators read.</summary>
public sealed class EndModel(RelationshipStore store, PairMessenger messenger, ILogger<EndModel> logger) : PageModel
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
            ModelState.AddModelError("Input.Outcome", "Choose whether you completed your mentoring or are ending early");
        }
        if (Input.Outcome == RelationshipStatus.EndedEarly && !MentoringVocabulary.EndReasons.IsKnown(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", "Choose the reason closest to yours");
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
            ? "Your mentoring is marked as complete. Thank you both."
            : "Your mentoring has ended. The time you spent still counts.";
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
            ModelState.AddModelError("Input.Feedback", "Write a few words of feedback, or leave this page");
        }
        CheckFeedback();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await store.GiveFeedbackAsync(Pair, MemberId, Input.Feedback!, ct);
        TempData["Status"] = "Thank you. Your feedback has gone to the mentoring coordinators.";
        return Redirect($"/mentoring/{id}");
    }

    private void CheckFeedback()
    {
        if (Input.Feedback?.Length > MaxFeedbackLength)
        {
            ModelState.AddModelError("Input.Feedback", $"Feedback must be {MaxFeedbackLength:N0} characters or fewer");
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
