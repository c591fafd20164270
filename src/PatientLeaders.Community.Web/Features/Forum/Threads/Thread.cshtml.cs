using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Forum.Moderation;
using PatientLeaders.Community.Web.Features.Forum.Saved;
using PatientLeaders.Community.Web.Features.Notifications;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// A thread, 20 posts a page. <c>?post=id</c> lands on the page that holds the post; a member returning to a thread
/// with unread posts lands on the first of them. Open to guests for public categories only.
/// </summary>
[AllowAnonymous]
public sealed class ThreadModel(ForumAccess access, ThreadStore threads, PostRenderer renderer,
    NotificationStore notifications, PostActionStore actions, ModerationStore moderation, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ForumCategory Category { get; private set; } = new();

    public ThreadView Thread { get; private set; } = new();

    public ForumViewer Viewer { get; private set; } = ForumViewer.Guest;

    public IReadOnlyList<PostItem> Posts { get; private set; } = [];

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public string? Subscription { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public bool CanReply { get; private set; }

    /// <summary>Only renders the composer at the foot of the thread; posting goes to /forum/reply/{id}.</summary>
    public ReplyModel.InputModel Input { get; private set; } = new();

    public string DraftKey => DraftKeys.Reply(Thread.Id);

    /// <summary>The nested view (<c>?view=nested</c>): 20 top-level posts a page, each with every reply that descends from it.</summary>
    public bool Nested { get; private set; }

    // "page" is the route value Razor Pages reserves for the page's own path, so the query's page number is bound by name.
    public async Task<IActionResult> OnGetAsync(long id, string? slug, [FromQuery(Name = "page")] int? pageNumber, long? post,
        [FromQuery(Name = "view")] string? view, CancellationToken ct)
    {
        Viewer = ForumViewer.From(User);
        if (await access.ThreadAsync(id, Viewer, ct) is not { } found)
        {
            return NotFound();
        }
        (Category, Thread) = found;
        Nested = view == ForumUrls.NestedView;

        if (post is { } postId)
        {
            var target = await threads.FindPostAsync(postId, ct);
            return target is null || target.ThreadId != Thread.Id ? NotFound() : Redirect(ForumUrls.Post(target, Thread, Nested));
        }
        if (slug != Thread.Slug)
        {
            return RedirectPermanent(ForumUrls.ThreadPage(Thread.Id, Thread.Slug, pageNumber ?? 1, Nested));
        }

        var itemCount = Nested ? await threads.BranchCountAsync(Thread.Id, ct) : Thread.LastPostNumber;
        PageCount = Paging.PageCount(itemCount, Paging.PostsPerPage);
        CurrentPage = Paging.Clamp(pageNumber ?? 1, PageCount);
        var (first, last) = Paging.Range(CurrentPage, Paging.PostsPerPage);
        var data = Nested
            ? await threads.LoadNestedPageAsync(Thread.Id, (int)first, (int)last, Viewer.MemberId, ct)
            : await threads.LoadPageAsync(Thread.Id, (int)first, (int)last, Viewer.MemberId, ct);
        var lastRead = data.Reader.LastRead;
        if (pageNumber is null && lastRead is { } read && read < Thread.LastPostNumber)
        {
            // Open at the first unread post (the first page, read with the reader's state, goes unshown).
            if (await threads.PostIdByNumberAsync(Thread.Id, read + 1, ct) is { } firstUnreadId
                && await threads.FindPostAsync(firstUnreadId, ct) is { } firstUnread)
            {
                return Redirect(ForumUrls.Post(firstUnread, Thread, Nested));
            }
        }
        Tags = data.Tags;
        Subscription = data.Reader.Subscription;
        CanReply = ForumAccess.CanReply(Thread, Viewer);
        var items = PostItem.ListFrom(data, Thread, renderer, Viewer, Viewer.IsGuest || lastRead is null ? null : lastRead + 1, Nested);
        Posts = Nested ? NestBranches(items) : items;

        if (Viewer.MemberId is { } reader && data.Posts.Count > 0)
        {
            // In order, the page ends at its last post. Nested, every post below the first one on a later page has
            // been on this page or an earlier one (the same assumption the in-order view makes about earlier pages).
            var readThrough = Nested
                ? (await threads.FirstNumberAfterBranchAsync(Thread.Id, (int)last, ct) ?? Thread.LastPostNumber + 1) - 1
                : data.Posts[^1].Number;
            // Rereading costs no write: on SQLite every write waits its turn behind all others.
            if (lastRead is null || readThrough > lastRead)
            {
                await threads.MarkReadAsync(reader, Thread.Id, readThrough, ct);
            }
            await notifications.MarkReadForPostsAsync(reader, data.Reader.UnreadNotificationPosts, ct);
            if (CanReply && data.Reader.Draft is { } draft)
            {
                Input = new ReplyModel.InputModel { Body = draft.Body, ContentNote = draft.ContentNote };
            }
        }
        return Page();
    }

    /// <summary>Posts arrive in (Branch, Number) order: the first of each branch is its top-level post, the rest its replies.</summary>
    private static List<PostItem> NestBranches(IReadOnlyList<PostItem> items) =>
        items.GroupBy(i => i.Post.Branch)
            .Select(branch => branch.First() with { Replies = branch.Skip(1).Select(r => r with { IsNestedReply = true }).ToList() })
            .ToList();

    /// <summary>Following, Muted or None.</summary>
    public async Task<IActionResult> OnPostSubscribeAsync(long id, string level, CancellationToken ct)
    {
        Viewer = ForumViewer.From(User);
        if (Viewer.IsGuest)
        {
            return Challenge();
        }
        if (await access.ThreadAsync(id, Viewer, ct) is not { } found)
        {
            return NotFound();
        }
        var chosen = level switch
        {
            SubscriptionLevels.Following => SubscriptionLevels.Following,
            SubscriptionLevels.Muted => SubscriptionLevels.Muted,
            _ => null,
        };
        await actions.SetSubscriptionAsync(id, Viewer.RequireMemberId(), chosen, ct);
        TempData["Status"] = chosen switch
        {
            SubscriptionLevels.Following => localizer["You are following this thread. You will be notified of new replies."].Value,
            SubscriptionLevels.Muted => localizer["You have muted this thread. You will not be notified about it, even when mentioned."].Value,
            _ => localizer["You will only be notified about this thread when someone mentions you."].Value,
        };
        return Redirect(found.Thread.Url);
    }

    public Task<IActionResult> OnPostPinAsync(long id, bool pinned, CancellationToken ct) =>
        ModerateAsync(id, ct, (thread, moderatorId) => moderation.SetPinnedAsync(thread, moderatorId, pinned, ct),
            pinned ? localizer["The thread is pinned to the top of its category."].Value : localizer["The thread is no longer pinned."].Value);

    public Task<IActionResult> OnPostLockAsync(long id, bool locked, CancellationToken ct) =>
        ModerateAsync(id, ct, (thread, moderatorId) => moderation.SetLockedAsync(thread, moderatorId, locked, ct),
            locked ? localizer["The thread is locked: only moderators can reply."].Value : localizer["The thread is open for replies again."].Value);

    private async Task<IActionResult> ModerateAsync(long id, CancellationToken ct, Func<ThreadView, long, Task> act, string status)
    {
        Viewer = ForumViewer.From(User);
        if (Viewer.IsGuest)
        {
            return Challenge();
        }
        if (await access.ThreadAsync(id, Viewer, ct) is not { } found || !Viewer.IsModerator)
        {
            return NotFound();
        }
        await act(found.Thread, Viewer.RequireMemberId());
        TempData["Status"] = status;
        return Redirect(found.Thread.Url);
    }
}
