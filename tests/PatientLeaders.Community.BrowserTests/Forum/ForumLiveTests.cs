using System.Text.Json;
using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.BrowserTests.Sets;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.BrowserTests.Forum;

/// <summary>
/// Two members in two browsers: one replies, the other sees the reply appear, hears it in the status region and
/// sees the header count change; and the real JavaScript client cannot join a thread it may not open.
/// </summary>
[NonParallelizable]
public sealed class ForumLiveTests
{
    /// <summary>
    /// The proof: start a thread, a reply, a reply to that reply with a mention; the mentioned member, in a
    /// second browser with the thread open, sees each reply appear and the notification count arrive, without a reload,
    /// announced politely and without losing focus; axe and CSP clean in every state.
    /// </summary>
    [Test]
    public async Task ThreadReplyReplyToReplyWithMention_MentionedReaderSeesRepliesAndCountArriveLive()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        await community.Client("admin").CreateCategoryAsync("General chat");

        var (_, sam, samCsp) = await community.BrowserAsync(browser, "sam");
        await sam.GotoAsync(community.Site.BaseUrl + "/forum/general-chat");
        await sam.GetByRole(AriaRole.Link, new() { Name = "Start a new thread in General chat" }).ClickAsync();
        await sam.GetByLabel("Title").FillAsync("Live replies");
        await sam.GetByLabel("Your message").FillAsync("Who is around today?");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Live replies");
        var threadUrl = sam.Url;
        var threadId = ForumJourneys.ThreadId(new Uri(threadUrl).AbsolutePath);

        var (_, joe, joeCsp) = await community.BrowserAsync(browser, "joe");
        var console = new List<string>();
        joe.Console += (_, message) => console.Add(message.Text);
        await joe.GotoAsync(threadUrl);
        await joe.WaitForFunctionAsync("() => document.documentElement.dataset.forumLive !== undefined");
        Assert.That(await joe.EvaluateAsync<string>("() => document.documentElement.dataset.forumLive"), Is.EqualTo("connected"), string.Join("\n", console));
        await Assertions.Expect(joe.Locator("#notification-badge")).ToHaveTextAsync("Notifications");
        await joe.GetByLabel("Your message").FocusAsync();
        await joe.AssertAccessibleAsync("thread open, live");

        await community.Client("priya").ReplyAsync(threadId, "Priya here, with a cup of tea.");
        await Assertions.Expect(joe.Locator("#post-list li.post[data-number='2']")).ToContainTextAsync("cup of tea");
        await Assertions.Expect(joe.Locator("#thread-live-status[role=status]")).ToHaveTextAsync("New reply from Priya");

        await sam.ReloadAsync();
        await sam.GetByRole(AriaRole.Link, new() { Name = "Reply to post 2" }).ClickAsync();
        await sam.GetByLabel("Your message").FillAsync("Lovely, Priya. And @joe, are you with us?");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".notice")).ToContainTextAsync("Your reply has been posted");

        var third = joe.Locator("#post-list li.post[data-number='3']");
        await Assertions.Expect(third).ToContainTextAsync("are you with us?");
        await Assertions.Expect(third.Locator(".post-meta a", new() { HasText = "#2 by Priya" })).ToBeVisibleAsync();
        await Assertions.Expect(joe.Locator("#notification-badge")).ToHaveTextAsync("Notifications, 1 unread");
        await Assertions.Expect(joe.Locator("#thread-live-status[role=status]")).ToHaveTextAsync("New reply from Sam");
        Assert.That(await joe.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"), Is.EqualTo(await joe.GetByLabel("Your message").GetAttributeAsync("id")),
            "focus stays in the reader's composer");
        Assert.That(await joe.Locator("#post-list li.post").CountAsync(), Is.EqualTo(3), "each reply once");
        await joe.AssertAccessibleAsync("thread with live replies and the new count");
        await sam.AssertAccessibleAsync("thread after replying");

        Assert.That(joeCsp, Is.Empty, "CSP violations (reader)");
        Assert.That(samCsp, Is.Empty, "CSP violations (writer)");
    }

    private const string Join = """
        async (threadId) => {
            const c = new signalR.HubConnectionBuilder().withUrl('/hubs/forum').build();
            try { await c.start(); } catch (e) { return 'connect: ' + String(e.message || e); }
            try { await c.invoke('JoinThread', threadId); return 'ok'; }
            catch (e) { return String(e.message || e); }
            finally { await c.stop(); }
        }
        """;

    [Test]
    public async Task JoinThread_OutsiderOnRestrictedThread_FailsExactlyLikeAMissingThread()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var admin = community.Client("admin");
        await admin.CreateCategoryAsync("Facilitators", role: "Facilitator", slug: "facilitators");
        var threadId = await community.Client("faye").StartThreadAsync("facilitators", "Private", "Only facilitators");

        var (_, olly, ollyCsp) = await community.BrowserAsync(browser, "olly");
        await olly.GotoAsync(community.Site.BaseUrl + "/forum");
        var restricted = await olly.EvaluateAsync<string>(Join, threadId);
        var missing = await olly.EvaluateAsync<string>(Join, 987_654L);
        Assert.That(restricted, Does.EndWith(ForumHub.NotFound));
        Assert.That(restricted, Is.EqualTo(missing));

        var (_, faye, _) = await community.BrowserAsync(browser, "faye");
        await faye.GotoAsync(community.Site.BaseUrl + "/forum");
        Assert.That(await faye.EvaluateAsync<string>(Join, threadId), Is.EqualTo("ok"));
        Assert.That(ollyCsp, Is.Empty, "CSP violations");
    }
}
