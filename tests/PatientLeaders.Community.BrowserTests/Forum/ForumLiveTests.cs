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
    [Test]
    public async Task Reply_AppearsLiveForAnotherReader_AnnouncedPolitely_AndTheHeaderCountUpdates()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var admin = community.Client("admin");
        await admin.CreateCategoryAsync("General chat");
        var threadId = await community.Client("joe").StartThreadAsync("general-chat", "Live replies", "Who is around?");

        var (_, joe, joeCsp) = await community.BrowserAsync(browser, "joe");
        var console = new List<string>();
        joe.Console += (_, message) => console.Add(message.Text);
        await joe.GotoAsync($"{community.Site.BaseUrl}/forum/t/{threadId}/live-replies");
        await joe.WaitForFunctionAsync("() => document.documentElement.dataset.forumLive !== undefined");
        Assert.That(await joe.EvaluateAsync<string>("() => document.documentElement.dataset.forumLive"), Is.EqualTo("connected"), string.Join("\n", console));
        await Assertions.Expect(joe.Locator("#notification-badge")).ToHaveTextAsync("Notifications");
        var (_, sam, samCsp) = await community.BrowserAsync(browser, "sam");
        await sam.GotoAsync($"{community.Site.BaseUrl}/forum/t/{threadId}/live-replies");
        await sam.GetByLabel("Your message").FillAsync("I am here, @joe — hello!");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".notice")).ToContainTextAsync("Your reply has been posted");

        var focusedBefore = await joe.EvaluateAsync<string>("() => document.activeElement?.tagName ?? ''");
        await Assertions.Expect(joe.Locator("#post-list li.post[data-number='2']")).ToContainTextAsync("I am here");
        await Assertions.Expect(joe.Locator("#thread-live-status[role=status]")).ToHaveTextAsync("New reply from Sam");
        await Assertions.Expect(joe.Locator("#notification-badge")).ToHaveTextAsync("Notifications, 1 unread");
        Assert.That(await joe.EvaluateAsync<string>("() => document.activeElement?.tagName ?? ''"), Is.EqualTo(focusedBefore), "focus does not move");
        await joe.AssertAccessibleAsync("thread with a live reply and updated count");
        await sam.AssertAccessibleAsync("thread after posting");

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
