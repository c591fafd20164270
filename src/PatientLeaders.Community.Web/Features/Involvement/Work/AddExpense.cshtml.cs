using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Uploads;

namespace PatientLeaders.Community.Web.Features.Involvement.Work;

/// <summary>
/// Claiming an expense on a piece of work, with a receipt as an image or PDF (the one upload store: checked by its
/// bytes, kept outside the web root). Only the leader claims; the organisation approves.
/// </summary>
public sealed class AddExpenseModel(WorkStore work, FileStore files, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the day you spent the money")]
        public DateOnly? SpentOn { get; set; }

        public string? Amount { get; set; }

        [Required(ErrorMessage = "Say what the expense was, for example: train from Leeds to York and back")]
        [StringLength(500, ErrorMessage = "Please keep this to 500 characters or fewer")]
        public string Description { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Receipt { get; set; }

    public EngagementView Engagement { get; private set; } = new();

    public long MaxMegabytes => files.MaxBytes / 1024 / 1024;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!Money.TryParsePounds(Input.Amount, 10000, out var pence) || pence == 0)
        {
            ModelState.AddModelError("Input.Amount", localizer["Enter the amount in pounds, like 12.50"]);
        }
        if (Input.SpentOn > MentoringDates.Today(clock))
        {
            ModelState.AddModelError("Input.SpentOn", localizer["Enter a day today or earlier"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        string? fileId = null;
        if (Receipt is not null)
        {
            var saved = await files.SaveAsync(Receipt, FileKinds.Receipts, CurrentMember.Id(User), ct);
            if (saved.Problem is { } problem)
            {
                ModelState.AddModelError(nameof(Receipt), problem switch
                {
                    UploadProblem.Empty => localizer["The file is empty. Choose another file"],
                    UploadProblem.TooLarge => localizer["The file must be {0} MB or smaller", MaxMegabytes],
                    _ => localizer["The receipt must be a photo (PNG, JPEG or WebP) or a PDF, and its name must end in the right extension"],
                });
                return Page();
            }
            fileId = saved.File!.Id;
        }
        await work.AddExpenseAsync(Engagement, new ExpenseClaim(MentoringDates.ToStored(Input.SpentOn!.Value), pence, Input.Description.Trim(), fileId), ct);
        TempData["Status"] = localizer["Your expense is claimed and sent to {0} for approval.", Engagement.OrganisationName].Value;
        return LocalRedirect($"/involvement/work/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await work.FindAsync(id, ct) is not { } engagement || engagement.MemberId != CurrentMember.Id(User))
        {
            return false;
        }
        Engagement = engagement;
        return true;
    }
}
