using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>Open reports, oldest first, and the latest moderation actions (all of them at /forum/moderation/log). Moderators and admins only.</summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class ModerationModel(ModerationStore moderation, ForumAccess access, UserManager<Member> users,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>How many of the latest actions the page shows; the log page has them all.</summary>
    public const int RecentActions = 10;

    /// <summary>The "find a member to suspend" box.</summary>
    [BindProperty(SupportsGet = true, Name = "handle")]
    public string? Handle { get; set; }

    public IReadOnlyList<FlagView> Flags { get; private set; } = [];

    public IReadOnlyList<ModerationActionView> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Flags = await moderation.OpenFlagsAsync(ct);
        Actions = (await moderation.LogAsync(ModerationLogFilter.None, null, RecentActions, ct)).Actions;
    }

    public async Task<IActionResult> OnGetMemberAsync(CancellationToken ct)
    {
        var handle = (Handle ?? "").Trim().TrimStart('@');
        if (handle.Length > 0 && handle.Length <= 40 && await users.FindByNameAsync(handle) is { } member)
        {
            return Redirect("/forum/moderation/members/" + Uri.EscapeDataString(member.Handle));
        }
        ModelState.AddModelError(nameof(Handle), handle.Length == 0 ? localizer["Enter the member's handle"].Value : localizer["No member has the handle {0}", handle].Value);
        await OnGetAsync(ct);
        return Page();
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
        TempData["Status"] = localizer["The report is resolved."].Value;
        return RedirectToPage();
    }
}
