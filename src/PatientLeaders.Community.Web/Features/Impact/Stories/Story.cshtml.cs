using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Impact.Stories;

/// <summary>
/// One story. Published, anyone may read it. Before that, only its leader (who approves the text, chooses whether it
/// carries their name, or withdraws it) and the coordinators see it; anyone else gets a 404.
/// </summary>
[AllowAnonymous]
public sealed class StoryModel(StoryStore stories, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public bool Named { get; set; }

    public StoryView Story { get; private set; } = new();

    public bool IsLeader { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Named = Story.Named;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsLeader)
        {
            return NotFound();
        }
        TempData["Status"] = await stories.ApproveAsync(id, Story.MemberId, Named, ct)
            ? localizer["Thank you. A coordinator will publish it as you approved it."].Value
            : localizer["There is nothing waiting for your approval on this story."].Value;
        return LocalRedirect($"/stories/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsLeader)
        {
            return NotFound();
        }
        await stories.WithdrawAsync(id, Story.MemberId, ct);
        TempData["Status"] = localizer["Your story is withdrawn. It is no longer published, and will not be used again."].Value;
        return LocalRedirect($"/stories/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await stories.FindAsync(id, ct) is not { } story)
        {
            return false;
        }
        IsLeader = User.Identity?.IsAuthenticated == true && story.MemberId == CurrentMember.Id(User);
        if (story.Status != StoryStatus.Published && !IsLeader && !InvolvementAccess.IsCoordinator(User))
        {
            return false;
        }
        Story = story;
        return true;
    }
}
