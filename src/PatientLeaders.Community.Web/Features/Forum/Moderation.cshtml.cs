using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>Open reports, oldest first, and the recent moderation log. Moderators and admins only.</summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class ModerationModel(ModerationStore moderation, ForumAccess access) : PageModel
{
    public IReadOnlyList<FlagView> Flags { get; private set; } = [];

    public IReadOnlyList<ModerationActionView> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Flags = await moderation.OpenFlagsAsync(ct);
        Actions = await moderation.RecentActionsAsync(ct);
    }

    public async Task<IActionResult> OnPostResolveAsync(long flagId, string? resolution, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (await moderation.FlaggedPostIdAsync(flagId, ct) is not { } postId || await access.PostAsync(postId, viewer, ct) is not { } found)
        {
            return NotFound();
        }
        var note = (resolution ?? "").Trim();
        await moderation.ResolveFlagAsync(flagId, postId, found.Thread.Id, viewer.RequireMemberId(),
            note.Length == 0 ? "Reviewed" : note[..Math.Min(note.Length, PostLimits.ReasonMax)], ct);
        TempData["Status"] = "The report is resolved.";
        return RedirectToPage();
    }
}
