using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class MarksAndNotificationsTests
{
    [Test]
    public async Task Reactions_ToggleOnePerKind_WithCountsPressedStateAndWhoReacted()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Reacting", "Opening");
        var postId = await world.App.OpeningPostIdAsync(threadId);
        var url = $"/forum/t/{threadId}/reacting?page=1";
        string Button(string kind) => $"#post-{postId} button.reaction[value={kind}]";
        TestApp.AssertRedirect(await world.Kit.ClickAsync(url, Button("Helpful")), $"/forum/t/{threadId}");
        TestApp.AssertRedirect(await world.Admin.ClickAsync(url, Button("Helpful")), $"/forum/t/{threadId}");
        TestApp.AssertRedirect(await world.Kit.ClickAsync(url, Button("IRelate")), $"/forum/t/{threadId}");

        var page = await world.Kit.GetPageAsync(url);
        var buttons = page.QuerySelectorAll($"#post-{postId} button.reaction").ToList();
        Assert.That(buttons.Select(b => b.TextContent.Trim()), Is.EqualTo(new[] { "Helpful 2", "Thank you 0", "I relate 1" }));
        Assert.That(buttons.Select(b => b.GetAttribute("aria-pressed")), Is.EqualTo(new[] { "true", "false", "true" }));
        Assert.That(page.Text($"#post-{postId} .who-reacted"), Does.Contain("Helpful: Member kit, Alex Admin").And.Contain("I relate: Member kit"));

        TestApp.AssertRedirect(await world.Kit.ClickAsync(url, Button("Helpful")), $"/forum/t/{threadId}");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM PostReactions WHERE MemberId = (SELECT Id FROM Members WHERE Handle = 'kit')"), Is.EqualTo(1));

        var token = (await world.Kit.GetPageAsync(url)).QuerySelector("#post-actions input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var unknown = await world.Kit.PostAsync($"/forum/p/{postId}?handler=React",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["kind"] = "Angry" }));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Bookmarks_ToggleAndListOnTheBookmarksPage()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Worth keeping", "Opening");
        var reply = await world.Sam.ReplyAsync(threadId, "A useful link");
        var url = $"/forum/t/{threadId}/worth-keeping?page=1";
        TestApp.AssertRedirect(await world.Kit.ClickAsync(url, $"#post-{reply} button[formaction*=Bookmark]"), $"/forum/t/{threadId}");
        var page = await world.Kit.GetPageAsync(url);
        Assert.That(page.QuerySelector($"#post-{reply} button[formaction*=Bookmark]")?.GetAttribute("aria-pressed"), Is.EqualTo("true"));
        var bookmarks = await world.Kit.GetPageAsync("/forum/bookmarks");
        Assert.That(bookmarks.Text(".bookmark-list"), Does.Contain("Worth keeping, post #2"));
        Assert.That((await world.Sam.GetPageAsync("/forum/bookmarks")).QuerySelector(".bookmark-list"), Is.Null, "bookmarks are personal");
    }

    [Test]
    public async Task Mentions_LinkToProfiles_AndNotifyInTheSameTransaction()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Asking for ideas", "What do you think, @kit? Not `@admin` in code. Also @nobody.");
        var page = await world.Kit.GetPageAsync($"/forum/t/{threadId}/asking-for-ideas?page=1");
        Assert.That(page.QuerySelector(".user-content a[href='/members/kit']")?.TextContent, Is.EqualTo("@kit"));
        Assert.That(page.QuerySelector(".user-content a[href='/members/nobody']"), Is.Null);
        Assert.That(page.QuerySelector(".user-content code")?.TextContent, Is.EqualTo("@admin"));
        Assert.That(await world.App.ScalarAsync<string>("SELECT Kind FROM Notifications WHERE MemberId = (SELECT Id FROM Members WHERE Handle = 'kit')"), Is.EqualTo("Mention"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE MemberId = (SELECT Id FROM Members WHERE Handle = 'admin')"), Is.Zero);
    }

    [Test]
    public async Task Followers_AreNotifiedOfReplies_ExceptTheAuthor_MutedAndIgnoring()
    {
        await using var world = await ForumWorld.CreateAsync();
        var rae = await world.App.InviteMemberAsync(world.Admin, "rae@example.org", "rae");
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Following along", "Opening");
        var url = $"/forum/t/{threadId}/following-along?page=1";
        TestApp.AssertRedirect(await world.Kit.SubmitAsync(url, new Dictionary<string, string> { ["level"] = "Following" }, "form[action*=Subscribe]:has(input[value=Following])"), $"/forum/t/{threadId}");
        TestApp.AssertRedirect(await world.Admin.SubmitAsync(url, new Dictionary<string, string> { ["level"] = "Following" }, "form[action*=Subscribe]"), $"/forum/t/{threadId}");
        await rae.ReplyAsync(threadId, "Rae posts and so follows");
        TestApp.AssertRedirect(await rae.SubmitAsync(url, new Dictionary<string, string> { ["level"] = "Muted" }, "form[action*=Subscribe]"), $"/forum/t/{threadId}");
        var samPost = await world.App.OpeningPostIdAsync(threadId);
        TestApp.AssertRedirect(await world.Admin.ClickAsync(url, $"#post-{samPost} button[formaction*=Ignore]"), $"/forum/t/{threadId}");

        var before = await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications");
        await world.Sam.ReplyAsync(threadId, "Thanks everyone");
        var recipients = await Recipients(world.App, before);
        Assert.That(recipients, Is.EqualTo(new[] { "kit" }), "Sam (author) followed by posting; Rae muted; Admin ignores Sam");
    }

    /// <summary>A reply's notifications are written together, a statement a kind: each row keeps its own kind and the post's facts.</summary>
    [Test]
    public async Task OneReply_WritesEachRecipientsNotification_WithItsKind_ThreadPostAndActor()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.App.InviteMemberAsync(world.Admin, "rae@example.org", "rae");
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Many readers", "Opening");
        var url = $"/forum/t/{threadId}/many-readers?page=1";
        TestApp.AssertRedirect(await world.Kit.SubmitAsync(url, new Dictionary<string, string> { ["level"] = "Following" }, "form[action*=Subscribe]:has(input[value=Following])"), $"/forum/t/{threadId}");
        TestApp.AssertRedirect(await world.Admin.SubmitAsync(url, new Dictionary<string, string> { ["level"] = "Following" }, "form[action*=Subscribe]"), $"/forum/t/{threadId}");

        var before = await world.App.ScalarAsync<long>("SELECT COALESCE(MAX(Id), 0) FROM Notifications");
        await world.Sam.ReplyAsync(threadId, "Over to you, @rae and @kit");
        var postId = await world.App.ScalarAsync<long>("SELECT MAX(Id) FROM Posts");
        var samId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'sam'");
        await using var connection = await world.App.Database.OpenAsync();
        var rows = (await Dapper.SqlMapper.QueryAsync<(string Handle, string Kind, long ThreadId, long PostId, long ActorMemberId)>(connection, """
            SELECT m.Handle, n.Kind, n.ThreadId, n.PostId, n.ActorMemberId FROM Notifications n JOIN Members m ON m.Id = n.MemberId
            WHERE n.Id > @Before AND n.ReadAt IS NULL ORDER BY m.Handle
            """, new { Before = before })).ToList();
        Assert.That(rows, Is.EqualTo(new[]
        {
            ("admin", "Reply", threadId, postId, samId),
            ("kit", "Mention", threadId, postId, samId),
            ("rae", "Mention", threadId, postId, samId),
        }), "a mention outranks following; each member is notified once");
    }

    [Test]
    public async Task NotificationsPage_ListsUnread_HeaderCounts_AndMarkAllRead()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Hello @kit", "Hi @kit!");
        await world.Sam.ReplyAsync(threadId, "Still there @kit?");

        var home = await world.Kit.GetPageAsync("/");
        Assert.That(System.Text.RegularExpressions.Regex.Replace(home.Text("header a[href='/notifications']"), @"\s+", " "), Is.EqualTo("Notifications, 2 unread"));
        var page = await world.Kit.GetPageAsync("/notifications");
        Assert.That(page.QuerySelectorAll(".notification-unread"), Has.Length.EqualTo(2));
        Assert.That(page.Text(".notification-list"), Does.Contain("Member sam mentioned you in"));
        var response = await world.Kit.SubmitAsync(page, "/notifications", new Dictionary<string, string>(), "form[action*=MarkAllRead]");
        TestApp.AssertRedirect(response, "/notifications");
        var after = await world.Kit.GetPageAsync("/notifications");
        Assert.That(after.QuerySelectorAll(".notification-unread"), Is.Empty);
        Assert.That(after.Text("header a[href='/notifications']"), Is.EqualTo("Notifications"));
    }

    [Test]
    public async Task ReadingThePost_MarksItsNotificationRead()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Calling kit", "Hi @kit!");
        var postId = await world.App.OpeningPostIdAsync(threadId);
        var redirect = await world.Kit.GetAsync($"/forum/p/{postId}");
        TestApp.AssertRedirect(redirect, $"/forum/t/{threadId}/calling-kit?page=1#post-{postId}");
        await world.Kit.GetPageAsync($"/forum/t/{threadId}/calling-kit?page=1");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE ReadAt IS NULL"), Is.Zero);
    }

    [Test]
    public async Task IgnoredMember_PostsAreFoldedAway_AndCanBeUnignored()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Ignoring", "Opening");
        var reply = await world.Kit.ReplyAsync(threadId, "Kit's words");
        var url = $"/forum/t/{threadId}/ignoring?page=1";
        TestApp.AssertRedirect(await world.Sam.ClickAsync(url, $"#post-{reply} button[formaction*=Ignore]"), $"/forum/t/{threadId}");
        var page = await world.Sam.GetPageAsync(url);
        var folded = page.QuerySelector($"#post-{reply} details.ignored-post");
        Assert.That(folded?.QuerySelector("summary")?.TextContent, Is.EqualTo("Show post from ignored member"));
        Assert.That(folded?.TextContent, Does.Contain("Kit's words"));
        var stop = page.QuerySelector($"#post-{reply} button[formaction*=Ignore]");
        Assert.That((stop?.TextContent, stop?.GetAttribute("value")), Is.EqualTo(("Stop ignoring Member kit", "false")));

        var ignored = await world.Sam.GetPageAsync("/forum/ignored");
        Assert.That(ignored.Text("main"), Does.Contain("Member kit"));
        TestApp.AssertRedirect(await world.Sam.SubmitAsync(ignored, "/forum/ignored", new Dictionary<string, string>(), "form[action*=Stop]"), "/forum/ignored");
        Assert.That((await world.Sam.GetPageAsync(url)).QuerySelector($"#post-{reply} details.ignored-post"), Is.Null);
    }

    private static async Task<IReadOnlyList<string>> Recipients(TestApp app, long afterCount)
    {
        await using var connection = await app.Database.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT m.Handle FROM Notifications n JOIN Members m ON m.Id = n.MemberId ORDER BY n.Id LIMIT -1 OFFSET @Skip", new { Skip = afterCount })).ToList();
    }
}
