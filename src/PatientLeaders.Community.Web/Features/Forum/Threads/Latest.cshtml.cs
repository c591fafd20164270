using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// The forum's "Latest": threads from every category the reader may see, by latest activity, with unread markers;
/// members can show only what they have not read. Guests see the public categories' threads.
/// </summary>
[AllowAnonymous]
public sealed class LatestModel(ForumAccess access, ThreadStore threads) : PageModel
{
    public const int PageSize = 30;

    public ForumViewer Viewer { get; private set; } = ForumViewer.Guest;

    public IReadOnlyList<ThreadListItem> Threads { get; private set; } = [];

    public IReadOnlyDictionary<long, ForumCategory> Categories { get; private set; } = new Dictionary<long, ForumCategory>();

    public bool UnreadOnly { get; private set; }

    public bool IsFirstPage { get; private set; }

    public LatestCursor? Next { get; private set; }

    public async Task OnGetAsync(string? filter, string? before, CancellationToken ct)
    {
        Viewer = ForumViewer.From(User);
        UnreadOnly = filter == "unread" && !Viewer.IsGuest;
        var cursor = LatestCursor.Parse(before);
        IsFirstPage = cursor is null;
        Categories = (await access.VisibleCategoriesAsync(Viewer, ct)).ToDictionary(c => c.Id);
        var page = await threads.LatestAsync(Categories.Keys.ToList(), Viewer.MemberId, cursor, UnreadOnly, PageSize + 1, ct);
        Threads = page.Take(PageSize).ToList();
        Next = page.Count > PageSize ? LatestCursor.From(Threads[^1]) : null;
    }

    public string PageUrl(LatestCursor? before)
    {
        var query = new List<string>();
        if (UnreadOnly) { query.Add("filter=unread"); }
        if (before is not null) { query.Add("before=" + before); }
        return "/forum/latest" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
