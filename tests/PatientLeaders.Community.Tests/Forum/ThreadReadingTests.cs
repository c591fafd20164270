using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class ThreadReadingTests
{
    private static readonly Dictionary<string, string?> ManyPosts = new() { ["RateLimits:ForumPostsPerTenMinutes"] = "1000" };

    [Test]
    public async Task Permalink_LandsOnThePageHoldingThePost_WithItsAnchor()
    {
        await using var world = await ForumWorld.CreateAsync(ManyPosts);
        var threadId = await world.Sam.StartThreadAsync("general-chat", "A long conversation", "Post one");
        var ids = new List<long>();
        for (var i = 2; i <= 25; i++)
        {
            ids.Add(await world.Kit.ReplyAsync(threadId, $"Reply number {i}"));
        }
        var post22 = ids[^4];
        var permalink = await world.Sam.GetAsync($"/forum/p/{post22}");
        TestApp.AssertRedirect(permalink, $"/forum/t/{threadId}/a-long-conversation?page=2#post-{post22}");
        var byQuery = await world.Sam.GetAsync($"/forum/t/{threadId}/a-long-conversation?post={post22}");
        TestApp.AssertRedirect(byQuery, $"/forum/t/{threadId}/a-long-conversation?page=2#post-{post22}");

        var page2 = await world.Sam.GetPageAsync($"/forum/t/{threadId}/a-long-conversation?page=2");
        Assert.That(page2.QuerySelectorAll(".post-list article"), Has.Length.EqualTo(5));
        Assert.That(page2.GetElementById($"post-{post22}")?.TextContent, Does.Contain("Reply number 22"));
        Assert.That(page2.QuerySelector(".pagination [aria-current=page]")?.TextContent, Does.Contain("2"));
        var page1 = await world.Sam.GetPageAsync($"/forum/t/{threadId}/a-long-conversation?page=1");
        Assert.That(page1.QuerySelectorAll(".post-list article"), Has.Length.EqualTo(20));
    }

    [Test]
    public async Task ReturningMember_OpensAtTheFirstUnreadPost_MarkedInText()
    {
        await using var world = await ForumWorld.CreateAsync(ManyPosts);
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Catching up", "Opening");
        await world.Kit.ReplyAsync(threadId, "Reply two");
        await world.Sam.GetPageAsync($"/forum/t/{threadId}/catching-up?page=1");
        var three = await world.Kit.ReplyAsync(threadId, "Reply three");
        await world.Kit.ReplyAsync(threadId, "Reply four");

        var list = await world.Sam.GetPageAsync("/forum/general-chat");
        Assert.That(list.Text(".thread-item .tag-new"), Is.EqualTo("2 new"));

        var open = await world.Sam.GetAsync($"/forum/t/{threadId}/catching-up");
        TestApp.AssertRedirect(open, $"/forum/t/{threadId}/catching-up?page=1#post-{three}");
        var page = await world.Sam.GetPageAsync($"/forum/t/{threadId}/catching-up?page=1");
        Assert.That(page.Text("#first-unread"), Does.Contain("New since you last read"));
        Assert.That(page.QuerySelectorAll(".post-new .tag-new"), Has.Length.EqualTo(2));

        var after = await world.Sam.GetAsync($"/forum/t/{threadId}/catching-up");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "everything read: no redirect");
        Assert.That((await world.Sam.GetPageAsync("/forum/general-chat")).QuerySelector(".thread-item .tag-new"), Is.Null);
    }

    [Test]
    public async Task ReplyToAPost_LinksBackToIt_AndQuotePrefillsTheComposer()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Who answered whom", "Line one\nLine two");
        var opening = await world.App.OpeningPostIdAsync(threadId);
        var quotePage = await world.Kit.GetPageAsync($"/forum/reply/{threadId}?to={opening}&quote=true");
        Assert.That(quotePage.QuerySelector("#Input_Body")?.TextContent, Does.Contain("> **Member sam** wrote in #1:").And.Contain("> Line one\n> Line two"));

        var reply = await world.Kit.ReplyAsync(threadId, "Answering you", to: opening);
        var page = await world.Sam.GetPageAsync($"/forum/t/{threadId}/who-answered-whom?page=1");
        var link = page.QuerySelector($"#post-{reply} .post-meta a[href*='#post-{opening}']");
        Assert.That(link?.TextContent, Is.EqualTo("#1 by Member sam"));
    }

    [Test]
    public async Task ReplyToAPostInAnotherThread_IsNotFound()
    {
        await using var world = await ForumWorld.CreateAsync();
        var first = await world.Sam.StartThreadAsync("general-chat", "First thread", "One");
        var second = await world.Sam.StartThreadAsync("general-chat", "Second thread", "Two");
        var otherPost = await world.App.OpeningPostIdAsync(first);
        Assert.That((await world.Kit.GetAsync($"/forum/reply/{second}?to={otherPost}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = await world.Kit.GetPageAsync($"/forum/reply/{second}");
        var response = await world.Kit.SubmitAsync(page, $"/forum/reply/{second}", new Dictionary<string, string> { ["Input.Body"] = "x", ["Input.ReplyToPostId"] = otherPost.ToString() });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ThreadList_PinnedFirst_ThenLatestActivity_ThirtyAPage()
    {
        await using var world = await ForumWorld.CreateAsync(ManyPosts);
        var ids = new List<long>();
        for (var i = 1; i <= 32; i++)
        {
            ids.Add(await world.Sam.StartThreadAsync("general-chat", $"Thread number {i}", "Body"));
        }
        await world.Kit.ReplyAsync(ids[0], "Bumps the oldest thread to the top");
        var page1 = await world.Kit.GetPageAsync("/forum/general-chat");
        var titles = page1.QuerySelectorAll(".thread-title a").Select(a => a.TextContent).ToList();
        Assert.That(titles, Has.Count.EqualTo(30));
        Assert.That(titles[0], Is.EqualTo("Thread number 1"));
        Assert.That(titles[1], Is.EqualTo("Thread number 32"));
        var page2 = await world.Kit.GetPageAsync("/forum/general-chat?page=2");
        Assert.That(page2.QuerySelectorAll(".thread-title a").Select(a => a.TextContent), Is.EqualTo(new[] { "Thread number 3", "Thread number 2" }));

        var pin = await world.Admin.SubmitAsync($"/forum/t/{ids[1]}/thread-number-2?page=1", new Dictionary<string, string>(), "form[action*=Pin]");
        TestApp.AssertRedirect(pin, $"/forum/t/{ids[1]}");
        var pinned = await world.Kit.GetPageAsync("/forum/general-chat");
        Assert.That(pinned.QuerySelector(".thread-title")?.TextContent, Does.Contain("Thread number 2").And.Contain("Pinned"));
    }

    [Test]
    public async Task TagFilter_ShowsOnlyTaggedThreads()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Sam.StartThreadAsync("general-chat", "About commissioning", "Body", tags: "commissioning");
        await world.Sam.StartThreadAsync("general-chat", "Something else", "Body");
        var page = await world.Kit.GetPageAsync("/forum/general-chat?tag=commissioning");
        Assert.That(page.QuerySelectorAll(".thread-title a").Select(a => a.TextContent), Is.EqualTo(new[] { "About commissioning" }));
    }
}
