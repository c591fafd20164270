using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// Rendered posts Numbers <c>from</c>..<c>to</c> (at most a page) of a thread, as list items: what the live thread
/// page fetches after the hub says a post was added or edited. The same access rule as the thread page.
/// </summary>
public sealed class ThreadPostsModel(ForumAccess access, ThreadStore threads, PostRenderer renderer) : PageModel
{
    public IReadOnlyList<PostItem> Posts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, int from, int? to, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (await access.ThreadAsync(id, viewer, ct) is not { } found)
        {
            return NotFound();
        }
        // An empty range (to before from, or past the end) is an empty list, like a range with no posts yet.
        var first = Math.Max(1, from);
        var last = (int)Math.Min(to ?? int.MaxValue, (long)first + Paging.PostsPerPage - 1);
        if (last < first)
        {
            return Page();
        }
        var data = await threads.LoadPageAsync(found.Thread.Id, first, last, viewer.MemberId, ct);
        Posts = PostItem.ListFrom(data, found.Thread, renderer, viewer, null);
        if (viewer.MemberId is { } reader && data.Posts.Count > 0)
        {
            // Shown on the open page, so the reading position moves on; notifications stay until the member opens them
            // (the post may arrive in a background tab).
            await threads.MarkReadAsync(reader, found.Thread.Id, data.Posts[^1].Number, ct);
        }
        return Page();
    }
}
