using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Opportunities;

/// <summary>
/// The coordinators' approval queue: nothing reaches the pool without a coordinator's approval. Returning one asks
/// the organisation for changes, with a note, for example when the decision has already been made.
/// </summary>
[Authorize(Policy = ProgrammesServices.CoordinatorPolicy)]
public sealed class ReviewModel(OpportunityStore opportunities, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string? Note { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<OpportunityView> Waiting { get; private set; } = [];

    /// <summary>The opportunity whose form failed, so only its note shows the error and keeps the text.</summary>
    public long? FailedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Waiting = await opportunities.WithStatusAsync(OpportunityStatus.Submitted, ct);

    public Task<IActionResult> OnPostApproveAsync(long opportunityId, CancellationToken ct) => ReviewAsync(opportunityId, approve: true, ct);

    public Task<IActionResult> OnPostReturnAsync(long opportunityId, CancellationToken ct) => ReviewAsync(opportunityId, approve: false, ct);

    private async Task<IActionResult> ReviewAsync(long opportunityId, bool approve, CancellationToken ct)
    {
        if (await opportunities.FindAsync(opportunityId, ct) is null)
        {
            return NotFound();
        }
        var note = (Input.Note ?? "").Trim();
        if (!approve && note.Length == 0)
        {
            ModelState.AddModelError("Input.Note", localizer["Say what needs to change"]);
        }
        if (!ModelState.IsValid)
        {
            FailedId = opportunityId;
            Waiting = await opportunities.WithStatusAsync(OpportunityStatus.Submitted, ct);
            return Page();
        }
        TempData["Status"] = await opportunities.ReviewAsync(opportunityId, approve, note, ct)
            ? (approve ? localizer["Approved: it is now open to the pool, and strong matches are being told."] : localizer["Returned to the organisation with your note."]).Value
            : localizer["Someone else has already dealt with this opportunity."].Value;
        return LocalRedirect("/opportunities/review");
    }
}
