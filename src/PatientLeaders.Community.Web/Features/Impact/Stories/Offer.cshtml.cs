using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Involvement.Work;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Impact.Stories;

/// <summary>
/// A leader offers a story of change, from a piece of their own work or on its own. Nothing is published until a
/// coordinator has edited it with them and they approve the final text.
/// </summary>
public sealed class OfferModel(StoryStore stories, WorkStore work, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give your story a title")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
        [PlainText]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Tell your story")]
        [StringLength(8000, ErrorMessage = "Please keep your story to 8,000 characters or fewer")]
        public string Body { get; set; } = "";

        public bool Named { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long? EngagementId { get; set; }

    public EngagementView? Engagement { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = await stories.OfferAsync(CurrentMember.Id(User), Engagement?.Id, Input.Title.Trim(), Input.Body.Trim(), Input.Named, ct);
        TempData["Status"] = localizer["Thank you for offering your story. A coordinator will work on it with you; nothing is published until you approve it."].Value;
        return LocalRedirect($"/stories/{id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (EngagementId is { } engagementId)
        {
            if (await work.FindAsync(engagementId, ct) is not { } engagement || engagement.MemberId != CurrentMember.Id(User))
            {
                return false;
            }
            Engagement = engagement;
        }
        return true;
    }
}
