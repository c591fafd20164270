using System.Text.Json;
using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.BrowserTests.Sets;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.BrowserTests.Mentoring;

/// <summary>
/// Live mentoring messages against the real site: the hub answers only the pair of an active relationship (checked
/// with the real JavaScript client from each person's browser), and two people see each other's messages arrive
/// without a reload, until the relationship ends. One site for the fixture; the tests run in order.
/// </summary>
[NonParallelizable]
public sealed class LiveMessagesTests
{
    private const string CallEverything = """
        async ([pairId, calls]) => {
            const c = new signalR.HubConnectionBuilder().withUrl('/hubs/mentoring').build();
            const pushed = [];
            c.on('MessagePosted', (id, seq) => pushed.push(seq));
            try { await c.start(); } catch (e) { return { connect: String(e.message || e) }; }
            const results = {};
            for (const [method, args] of calls) {
                try { await c.invoke(method, pairId, ...args); results[method] = 'ok'; }
                catch (e) { results[method] = String(e.message || e); }
            }
            await c.stop();
            return results;
        }
        """;

    private IBrowser browser = null!;
    private LiveCommunity community = null!;
    private long pairId;
    private string signalRSource = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        browser = await Chromium.LaunchAsync();
        community = await LiveCommunity.StartAsync();
        pairId = await community.PairAsync("mia", "sam");
        signalRSource = await community.Client("sam").GetStringAsync("/lib/signalr/signalr.min.js");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (community is not null)
        {
            await community.DisposeAsync();
        }
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
    }

    [Test]
    [Order(1)]
    public async Task EveryHubMethod_ByEveryKindOfPerson_AnswersOnlyThePair()
    {
        var guest = await (await browser.NewContextAsync()).NewPageAsync();
        await guest.GotoAsync(community.Site.BaseUrl + "/help");
        await guest.EvaluateAsync("() => {\n" + signalRSource + "\n}");
        var guestResult = await guest.EvaluateAsync<JsonElement>(CallEverything, new object[] { pairId, Calls("guest") });
        Assert.That(guestResult.GetProperty("connect").GetString(), Does.Contain("401"), "guests cannot even connect");

        // The coordinator and the admin are refused exactly like a member with nothing to do with the pair.
        foreach (var (handle, inPair) in new[] { ("sam", true), ("mia", true), ("cora", false), ("admin", false), ("olly", false) })
        {
            var (context, page, _) = await community.BrowserAsync(browser, handle);
            await page.GotoAsync(community.Site.BaseUrl + "/help");
            await page.EvaluateAsync("() => {\n" + signalRSource + "\n}");
            foreach (var (id, guessed) in new[] { (pairId, false), (pairId + 1, true), (987_654L, true) })
            {
                var results = await page.EvaluateAsync<JsonElement>(CallEverything, new object[] { id, Calls(handle) });
                Assert.That(results.TryGetProperty("connect", out _), Is.False, $"{handle} connects");
                foreach (var method in new[] { "JoinPair", "SendMessage", "LeavePair" })
                {
                    var answer = results.GetProperty(method).GetString()!;
                    Assert.That(answer, inPair && !guessed ? Is.EqualTo("ok") : Does.EndWith(MentoringHub.NotFound), $"{handle} → {method} on {(guessed ? $"guessed id {id}" : "the pair")}");
                }
            }
            await context.CloseAsync();
        }
        var stored = await MessagesAsync("sam");
        Assert.That(stored.Select(m => m.GetProperty("body").GetString()), Is.EquivalentTo(new[] { "Hello from sam", "Hello from mia" }), "outsiders stored nothing");
    }

    [Test]
    [Order(2)]
    public async Task TwoPeople_SeeEachOthersMessagesLive_UntilTheMentoringEnds()
    {
        var (_, sam, samCsp) = await community.BrowserAsync(browser, "sam");
        var (_, mia, miaCsp) = await community.BrowserAsync(browser, "mia");
        var url = $"{community.Site.BaseUrl}/mentoring/{pairId}/messages";
        foreach (var page in new[] { sam, mia })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("[data-messages]")).ToHaveAttributeAsync("data-live", "joined");
            await page.EvaluateAsync("() => { window.samePage = true; }");
        }
        await sam.AssertAccessibleAsync("live messages, joined");

        await sam.GetByLabel("Your message").FillAsync("Are you free on Thursday?");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        var samLog = sam.GetByRole(AriaRole.Log);
        var miaLog = mia.GetByRole(AriaRole.Log);
        await Assertions.Expect(samLog.Locator(".message.mine").Last).ToContainTextAsync("Sent");
        await Assertions.Expect(miaLog.Locator(".message").Last).ToContainTextAsync("Are you free on Thursday?");
        await Assertions.Expect(miaLog.Locator(".message").Last).ToContainTextAsync("Sam");
        await Assertions.Expect(sam.GetByLabel("Your message")).ToHaveValueAsync("");

        // Mia answers by keyboard alone.
        await mia.GetByLabel("Your message").FocusAsync();
        await mia.Keyboard.TypeAsync("Yes, 2pm by phone.");
        await mia.Keyboard.PressAsync("Tab");
        await mia.Keyboard.PressAsync("Enter");
        await Assertions.Expect(samLog.Locator(".message").Last).ToContainTextAsync("Yes, 2pm by phone.");
        await Assertions.Expect(sam.Locator("[data-messages-status]")).ToHaveTextAsync("1 new message");
        await Assertions.Expect(mia.Locator("button:text('Send message')")).ToBeFocusedAsync();
        var stored = (await MessagesAsync("sam")).Count;
        Assert.That(await samLog.Locator(".message").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.seq)"),
            Is.EqualTo(Enumerable.Range(1, stored).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))), "every stored message, in order, each once");
        await mia.AssertAccessibleAsync("live messages, a reply arrived");

        await sam.GetByLabel("Your message").FillAsync(new string('x', PairMessenger.MaxMessageLength + 1));
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Assertions.Expect(samLog.Locator(".message.failed")).ToContainTextAsync("Not sent: A message must be 4,000 characters or fewer.");
        await Assertions.Expect(samLog.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();
        await sam.AssertAccessibleAsync("live messages, a send failed");
        Assert.That(await sam.EvaluateAsync<bool>("() => window.samePage === true") && await mia.EvaluateAsync<bool>("() => window.samePage === true"), Is.True, "no reloads");

        var ending = await mia.Context.NewPageAsync();
        await ending.GotoAsync($"{community.Site.BaseUrl}/mentoring/{pairId}/end");
        await ending.GetByLabel("We have completed our mentoring").CheckAsync();
        await ending.GetByRole(AriaRole.Button, new() { Name = "End mentoring" }).ClickAsync();
        await Assertions.Expect(ending.Locator(".notice[role=status]")).ToContainTextAsync("marked as complete");
        foreach (var page in new[] { sam, mia })
        {
            await Assertions.Expect(page.Locator("[data-messages]")).ToHaveAttributeAsync("data-live", "ended");
            await Assertions.Expect(page.Locator("[data-ended]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#message-form")).ToBeHiddenAsync();
        }
        await sam.AssertAccessibleAsync("live messages, mentoring ended");
        var afterEnd = await sam.EvaluateAsync<JsonElement>(CallEverything, new object[] { pairId, Calls("sam") });
        Assert.That(afterEnd.GetProperty("JoinPair").GetString(), Does.EndWith(MentoringHub.NotFound), "an ended pair is like one that does not exist");
        Assert.That(afterEnd.GetProperty("SendMessage").GetString(), Does.EndWith(MentoringHub.NotFound));
        Assert.That((await MessagesAsync("sam")).Count, Is.EqualTo(stored), "nothing more after the end, and the failed send stored nothing");
        Assert.That(samCsp.Concat(miaCsp), Is.Empty, "CSP violations");
    }

    private static object[][] Calls(string handle) =>
    [
        ["JoinPair", Array.Empty<object>()],
        ["SendMessage", new object[] { "6f1c1f7e-8f0a-4a57-9c31-0d4b8c5f1a22", $"Hello from {handle}" }],
        ["LeavePair", Array.Empty<object>()],
    ];

    private async Task<List<JsonElement>> MessagesAsync(string handle)
    {
        var json = await community.Client(handle).GetStringAsync($"/mentoring/{pairId}/messages?handler=After&after=0");
        return JsonDocument.Parse(json).RootElement.GetProperty("messages").EnumerateArray().ToList();
    }
}
