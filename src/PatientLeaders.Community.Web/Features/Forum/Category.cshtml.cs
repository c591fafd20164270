using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>A category's threads, pinned first then by latest activity, 30 a page. Open to guests for public categories only.</summary>
[AllowAnonymous]
public sealed class CategoryModel(ForumAccess access, ThreadStore threads) : PageModel
{
    public ForumCategory Category { get; private set; } = new();

    public ForumViewer Viewer { get; private set; } = ForumViewer.Guest;

    public IReadOnlyList<ThreadListItem> Threads { get; private set; } = [];

    public string? Tag { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string slug, string? tag, [FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Viewer = ForumViewer.From(User);
        if (!Slugs.IsValid(slug) || await access.CategoryAsync(slug, Viewer, ct) is not { } category)
        {
            return NotFound();
        }
        Category = category;
        Tag = tag is null ? null : Slugs.From(tag, PostLimits.TagMax) is { Length: > 0 } t ? t : null;
        var list = await threads.ListAsync(category, Math.Max(1, pageNumber), Tag, Viewer.MemberId, ct);
        Threads = list.Threads;
        PageCount = list.PageCount;
        CurrentPage = Paging.Clamp(pageNumber, PageCount);
        return Page();
    }
}
