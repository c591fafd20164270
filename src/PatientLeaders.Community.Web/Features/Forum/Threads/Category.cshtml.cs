using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>A category's threads, pinned first then by latest activity, 30 a page. Open to guests for public categories only.</summary>
[AllowAnonymous]
public sealed class CategoryModel(ForumAccess access, ThreadStore threads, PostActionStore actions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ForumCategory Category { get; private set; } = new();

    public ForumViewer Viewer { get; private set; } = ForumViewer.Guest;

    public IReadOnlyList<ThreadListItem> Threads { get; private set; } = [];

    public string? Tag { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public bool Following { get; private set; }

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
        Following = Viewer.MemberId is { } memberId && await actions.FollowsCategoryAsync(category.Id, memberId, ct);
        return Page();
    }

    /// <summary>Following a category puts its new threads and replies in the member's email digest.</summary>
    public async Task<IActionResult> OnPostFollowAsync(string slug, bool follow, CancellationToken ct)
    {
        Viewer = ForumViewer.From(User);
        if (Viewer.IsGuest)
        {
            return Challenge();
        }
        if (!Slugs.IsValid(slug) || await access.CategoryAsync(slug, Viewer, ct) is not { } category)
        {
            return NotFound();
        }
        await actions.FollowCategoryAsync(category.Id, Viewer.RequireMemberId(), follow, ct);
        TempData["Status"] = follow
            ? localizer["You are following {0}. New threads and replies here will be in your email digest, if you chose one in your settings.", category.Name].Value
            : localizer["You are no longer following {0}.", category.Name].Value;
        return Redirect(ForumUrls.Category(category.Slug));
    }
}
