using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Forum.Saved;

public sealed class BookmarksModel(PostActionStore actions, ForumAccess access) : PageModel
{
    public IReadOnlyList<BookmarkView> Bookmarks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        var visible = (await access.VisibleCategoriesAsync(viewer, ct)).Select(c => c.Id).ToList();
        Bookmarks = await actions.BookmarksAsync(viewer.RequireMemberId(), visible, ct);
    }
}
