using System.Net;
using System.Text.RegularExpressions;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>The HTTP side of live updates: the fragments the live page fetches after the hub sends an id.</summary>
public sealed class LiveUpdateTests
{
    [Test]
    public async Task ThreadPosts_ReturnsRenderedPostsAfterANumber_WithAuthorForTheAnnouncement()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Live thread", "Opening");
        var reply = await world.Sam.ReplyAsync(threadId, "A **new** reply");

        var page = await world.Kit.GetPageAsync($"/forum/t/{threadId}/posts?from=2");
        var items = page.QuerySelectorAll("li.post").ToList();
        Assert.That(items, Has.Count.EqualTo(1));
        Assert.That(items[0].GetAttribute("data-number"), Is.EqualTo("2"));
        Assert.That(items[0].GetAttribute("data-post-id"), Is.EqualTo(reply.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(items[0].GetAttribute("data-author"), Is.EqualTo("Member sam"));
        Assert.That(page.QuerySelector("li.post .user-content strong")?.TextContent, Is.EqualTo("new"));
        Assert.That(page.QuerySelector("header.site-header"), Is.Null, "a fragment, without the layout");
        Assert.That((await world.Kit.GetPageAsync($"/forum/t/{threadId}/posts?from=1&to=1")).QuerySelectorAll("li.post").Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task ThreadPosts_RestrictedThread_OutsiderGetsTheSameAnswerAsAMissingThread()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Moderators only", role: "Moderator", slug: "mods");
        var threadId = await world.Admin.StartThreadAsync("mods", "Private", "Canary-7781");
        var outsider = await world.Kit.GetAsync($"/forum/t/{threadId}/posts?from=1");
        var missing = await world.Kit.GetAsync("/forum/t/987654/posts?from=1");
        Assert.That(outsider.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await outsider.Content.ReadAsStringAsync(), Does.Not.Contain("Canary-7781"));
    }

    [Test]
    public async Task Badge_CountsOnlyNotificationsTheMemberCanStillSee_LikeTheList()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Closing soon", slug: "closing");
        await world.Sam.StartThreadAsync("closing", "Soon hidden", "Hello @kit, Canary-3310");
        await world.Sam.StartThreadAsync("general-chat", "Still open", "Hello again @kit");
        Assert.That(Regex.Replace((await world.Kit.GetPageAsync("/")).Text("#notification-badge"), @"\s+", " ").Trim(), Is.EqualTo("Notifications, 2 unread"));

        var id = await world.App.ScalarAsync<long>("SELECT Id FROM ForumCategories WHERE Slug = 'closing'");
        TestApp.AssertRedirect(await world.Admin.SubmitAsync($"/forum/admin/categories/edit/{id}", new Dictionary<string, string> { ["Input.Roles"] = "Moderator" }),
            "/forum/admin/categories");

        Assert.That(Regex.Replace((await world.Kit.GetPageAsync("/")).Text("#notification-badge"), @"\s+", " ").Trim(), Is.EqualTo("Notifications, 1 unread"));
        Assert.That(Regex.Replace((await world.Kit.GetPageAsync("/notifications/badge")).Text("#notification-badge"), @"\s+", " ").Trim(), Is.EqualTo("Notifications, 1 unread"));
        Assert.That((await world.Kit.GetPageAsync("/notifications")).QuerySelectorAll(".notification-unread"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Badge_SaysTheNumberInWords_NotByColourAlone()
    {
        await using var world = await ForumWorld.CreateAsync();
        var empty = await world.Kit.GetPageAsync("/notifications/badge");
        Assert.That(Regex.Replace(empty.Text("#notification-badge"), @"\s+", " ").Trim(), Is.EqualTo("Notifications"));
        await world.Sam.StartThreadAsync("general-chat", "Hello", "Hi @kit, and again");
        var badge = await world.Kit.GetPageAsync("/notifications/badge");
        Assert.That(Regex.Replace(badge.Text("#notification-badge"), @"\s+", " ").Trim(), Is.EqualTo("Notifications, 1 unread"));
    }

    [Test]
    public async Task Badge_PastNinetyNineUnread_Says99PlusAndMoreThan99InWords()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Sam.StartThreadAsync("general-chat", "Hello", "Hi @kit");
        var total = await world.App.ScalarAsync<long>("""
            WITH RECURSIVE copies(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM copies WHERE i < 119)
            INSERT INTO Notifications (MemberId, Kind, ThreadId, PostId, ActorMemberId, CreatedAt, ReadAt)
            SELECT n.MemberId, n.Kind, n.ThreadId, n.PostId, n.ActorMemberId, n.CreatedAt, NULL FROM Notifications n, copies;
            SELECT COUNT(*) FROM Notifications WHERE ReadAt IS NULL;
            """);
        Assert.That(total, Is.EqualTo(120));

        var badge = (await world.Kit.GetPageAsync("/notifications/badge")).QuerySelector("#notification-badge")!;
        Assert.That(badge.QuerySelector("[aria-hidden=true]")?.TextContent, Is.EqualTo("99+"));
        Assert.That(string.Join(" ", badge.QuerySelectorAll(".visually-hidden").Select(e => e.TextContent.Trim())),
            Is.EqualTo(", more than 99 unread"));
    }
}
