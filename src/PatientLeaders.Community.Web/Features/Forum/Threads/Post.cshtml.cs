using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Forum.Moderation;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// A post's permanent link (GET redirects to the page of the thread that holds it) and the small actions on a post.
/// Every handler answers 404 for a post the viewer cannot see, exactly as for an id that does not exist.
/// </summary>
[AllowAnonymous]
public sealed class PostModel(ForumAccess access, PostActionStore actions, PostWriter writer, ModerationStore moderation,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        return await access.PostAsync(id, viewer, ct) is { } found ? BackTo(found) : NotFound();
    }

    public Task<IActionResult> OnPostReactAsync(long id, string kind, CancellationToken ct) =>
        ActAsync(id, ct, async (found, viewer) =>
        {
            if (!ReactionKinds.IsKnown(kind) || !IsReadable(found.Post, viewer))
            {
                return NotFound();
            }
            await actions.ToggleReactionAsync(found.Post.Id, viewer.RequireMemberId(), kind, ct);
            return BackTo(found);
        });

    public Task<IActionResult> OnPostBookmarkAsync(long id, CancellationToken ct) =>
        ActAsync(id, ct, async (found, viewer) =>
        {
            var on = await actions.ToggleBookmarkAsync(found.Post.Id, viewer.RequireMemberId(), ct);
            TempData["Status"] = on
                ? localizer["Post #{0} is in your bookmarks.", found.Post.Number].Value
                : localizer["Post #{0} is no longer bookmarked.", found.Post.Number].Value;
            return BackTo(found);
        });

    public Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct) =>
        ActAsync(id, ct, async (found, viewer) =>
        {
            if (!ForumAccess.CanEdit(found.Post, viewer))
            {
                return NotFound();
            }
            await writer.DeleteAsync(found, ct);
            TempData["Status"] = localizer["Your post has been deleted."].Value;
            return BackTo(found);
        });

    public Task<IActionResult> OnPostIgnoreAsync(long id, bool ignore, CancellationToken ct) =>
        ActAsync(id, ct, async (found, viewer) =>
        {
            if (found.Post.AuthorId is not { } authorId || authorId == viewer.MemberId)
            {
                return NotFound();
            }
            await actions.IgnoreAsync(viewer.RequireMemberId(), authorId, ignore, ct);
            var author = found.Post.AuthorName ?? localizer["a former member"].Value;
            TempData["Status"] = ignore
                ? localizer["You are ignoring {0}. Their posts are folded away for you, and their mentions and replies will not notify you.", author].Value
                : localizer["You are no longer ignoring {0}.", author].Value;
            return BackTo(found);
        });

    public Task<IActionResult> OnPostHideAsync(long id, string? reason, CancellationToken ct) =>
        ActAsync(id, ct, async (found, viewer) =>
        {
            if (!viewer.IsModerator)
            {
                return NotFound();
            }
            var why = (reason ?? "").Trim();
            if (why.Length is 0 or > PostLimits.ReasonMax)
            {
                TempData["Status"] = localizer["Give a reason of up to 500 characters to hide a post."].Value;
                return BackTo(found);
            }
            await moderation.HideAsync(found, viewer.RequireMemberId(), why, ct);
            TempData["Status"] = localizer["Post #{0} is hidden.", found.Post.Number].Value;
            return BackTo(found);
        });

    public Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken ct) =>
        ActAsync(id, ct, async (found, viewer) =>
        {
            if (!viewer.IsModerator)
            {
                return NotFound();
            }
            await moderation.RestoreAsync(found, viewer.RequireMemberId(), ct);
            TempData["Status"] = localizer["Post #{0} is visible again.", found.Post.Number].Value;
            return BackTo(found);
        });

    private async Task<IActionResult> ActAsync(long id, CancellationToken ct, Func<PostContext, ForumViewer, Task<IActionResult>> act)
    {
        var viewer = ForumViewer.From(User);
        if (viewer.IsGuest)
        {
            return Challenge();
        }
        return await access.PostAsync(id, viewer, ct) is { } found ? await act(found, viewer) : NotFound();
    }

    private static bool IsReadable(PostView post, ForumViewer viewer) =>
        !post.IsDeleted && (!post.IsHidden || viewer.IsModerator || post.AuthorId == viewer.MemberId);

    /// <summary>To the post in its thread, in the view the reader came from (<c>?view=nested</c> on the form's action).</summary>
    private RedirectResult BackTo(PostContext found) =>
        Redirect(ForumUrls.Post(found.Post, found.Thread, Request.Query["view"] == ForumUrls.NestedView));
}
