using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class NestedViewTests
{
    [Test]
    public async Task NestedView_PutsRepliesUnderTheTopLevelPostTheyDescendFrom_AndKeepsTheViewInLinks()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Nesting", "Opening");
        var opening = await world.App.OpeningPostIdAsync(threadId);
        var a = await world.Kit.ReplyAsync(threadId, "A to the thread");
        var b = await world.Sam.ReplyAsync(threadId, "B answers A", to: a);
        var d = await world.Sam.ReplyAsync(threadId, "D to the thread");
        var c = await world.Kit.ReplyAsync(threadId, "C answers B", to: b);
        var e = await world.Kit.ReplyAsync(threadId, "E answers the opening post", to: opening);

        var page = await world.Sam.GetPageAsync($"/forum/t/{threadId}/nesting?view=nested&page=1");
        var topLevel = page.QuerySelectorAll("ol.post-list-nested > li > article").Select(x => x.Id).ToList();
        Assert.That(topLevel, Is.EqualTo(new[] { $"post-{opening}", $"post-{a}", $"post-{d}", $"post-{e}" }));
        var branchA = page.GetElementById($"post-{a}")!.ParentElement!;
        var underA = branchA.Children.Single(x => x.ClassList.Contains("post-replies")).Children
            .Select(li => li.Children.Single(x => x.LocalName == "article").Id).ToList();
        Assert.That(underA, Is.EqualTo(new[] { $"post-{b}", $"post-{c}" }));
        Assert.That(page.QuerySelector($"#post-{c} h3")!.TextContent, Does.Contain("kit"));
        var inReplyTo = page.QuerySelector($"#post-{c} .post-meta a[href*='#post-{b}']")!;
        Assert.That(inReplyTo.TextContent, Is.EqualTo("#3 by Member sam"));
        Assert.That(inReplyTo.GetAttribute("href"), Does.Contain("view=nested"));
        Assert.That(page.QuerySelector($"#post-{c} .post-meta a[aria-label^='Post 5']")!.GetAttribute("href"), Does.Contain("view=nested"));
        Assert.That(page.QuerySelector(".view-switch a[aria-current=page]")!.TextContent, Does.StartWith("Nested"));

        var ordered = await world.Sam.GetPageAsync($"/forum/t/{threadId}/nesting?page=1");
        Assert.That(ordered.QuerySelectorAll("ol.post-list > li > article").Select(x => x.Id),
            Is.EqualTo(new[] { opening, a, b, d, c, e }.Select(id => $"post-{id}")));
        Assert.That(ordered.QuerySelector(".view-switch a[aria-current=page]")!.TextContent, Is.EqualTo("In order"));
        Assert.That(ordered.QuerySelector(".view-switch a:not([aria-current])")!.GetAttribute("href"), Does.Contain($"post={opening}").And.Contain("view=nested"));
    }

    [Test]
    public async Task NestedPages_HoldTwentyTopLevelPostsWithTheirReplies_AndPermalinksLandOnTheRightOne()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Long thread", "Opening");
        var tops = new List<long>();
        for (var i = 0; i < 24; i++)
        {
            tops.Add(await (i % 2 == 0 ? world.Kit : world.Sam).ReplyAsync(threadId, $"Top level {i}"));
        }
        // A late reply to the second post stays on nested page 1, though in order it is post 26 (page 2).
        var late = await world.Sam.ReplyAsync(threadId, "Late answer to an early post", to: tops[0]);

        var pageOne = await world.Kit.GetPageAsync($"/forum/t/{threadId}/long-thread?view=nested&page=1");
        Assert.That(pageOne.QuerySelectorAll("ol.post-list-nested > li"), Has.Length.EqualTo(20));
        Assert.That(pageOne.QuerySelector($"ol.post-replies #post-{late}"), Is.Not.Null);
        Assert.That(pageOne.QuerySelectorAll("nav.pagination a").Select(x => x.GetAttribute("href")), Has.All.Contain("view=nested"));
        var pageTwo = await world.Kit.GetPageAsync($"/forum/t/{threadId}/long-thread?view=nested&page=2");
        Assert.That(pageTwo.QuerySelectorAll("ol.post-list-nested > li"), Has.Length.EqualTo(5));
        Assert.That(pageTwo.QuerySelector($"#post-{late}"), Is.Null);

        var permalink = await world.Kit.GetAsync($"/forum/t/{threadId}/long-thread?post={late}&view=nested");
        Assert.That(permalink.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(permalink.Headers.Location!.OriginalString, Does.EndWith($"?view=nested&page=1#post-{late}"));
        var inOrder = await world.Kit.GetAsync($"/forum/t/{threadId}/long-thread?post={late}");
        Assert.That(inOrder.Headers.Location!.OriginalString, Does.EndWith($"?page=2#post-{late}"));
        TestApp.AssertRedirect(await world.Kit.GetAsync($"/forum/p/{late}"), $"/forum/t/{threadId}/long-thread?page=2");
    }
}
