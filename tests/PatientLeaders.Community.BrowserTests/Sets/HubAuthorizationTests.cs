using System.Text.Json;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.BrowserTests.Sets;

/// <summary>
/// Every hub method, called with the real JavaScript client from each person's browser, for the set and for a
/// guessed id: without access the answer is always exactly the answer for a room that does not exist.
/// </summary>
[NonParallelizable]
public sealed class HubAuthorizationTests
{
    private const string CallEverything = """
        async ([setId, calls]) => {
            const c = new signalR.HubConnectionBuilder().withUrl('/hubs/room').build();
            try { await c.start(); } catch (e) { return { connect: String(e.message || e) }; }
            const results = {};
            for (const [method, args] of calls) {
                try { await c.invoke(method, setId, ...args); results[method] = 'ok'; }
                catch (e) { results[method] = String(e.message || e); }
            }
            await c.stop();
            return results;
        }
        """;

    private static readonly object[][] Calls =
    [
        ["JoinRoom", Array.Empty<object>()],
        ["SendMessage", new object[] { "6f1c1f7e-8f0a-4a57-9c31-0d4b8c5f1a11", "hello" }],
        ["StartMeeting", Array.Empty<object>()], ["NextStep", Array.Empty<object>()], ["PassTurn", Array.Empty<object>()],
        ["StopSet", Array.Empty<object>()], ["ResumeSet", Array.Empty<object>()], ["ExtendTime", new object[] { 5 }],
        ["RequestBreak", Array.Empty<object>()], ["StartBreak", Array.Empty<object>()], ["EndBreak", Array.Empty<object>()],
        ["RaiseHand", Array.Empty<object>()], ["LowerHand", Array.Empty<object>()], ["ClearHand", new object?[] { null }!],
        ["ChooseOffers", new object[] { true }], ["ProposeOrder", new object[] { Array.Empty<object>() }], ["StepAway", new object[] { true }],
        ["SubmitBid", new object[] { 20, "", false }], ["AddAction", new object[] { "x" }], ["ReviewAction", new object[] { 1, "Done", "" }],
        ["FlagAdvice", new object[] { 1 }], ["OpenLobby", Array.Empty<object>()], ["IceServers", Array.Empty<object>()],
        ["JoinAudio", new object[] { "0123456789abcdef", true }], ["SetMuted", new object[] { false }],
        ["Signal", new object[] { 1, "0123456789abcdef", "candidate", "{}" }], ["AskToMute", new object[] { 1 }],
        ["ReleaseFloor", Array.Empty<object>()], ["LeaveAudio", Array.Empty<object>()],
        ["LeaveRoom", Array.Empty<object>()], ["KeepAlive", Array.Empty<object>()],
    ];

    [Test]
    public void Calls_CoverEveryHubMethod()
    {
        var methods = typeof(RoomHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(RoomHub.OnDisconnectedAsync) or nameof(RoomHub.OnConnectedAsync)))
            .Select(m => m.Name);
        Assert.That(Calls.Select(c => (string)c[0]), Is.EquivalentTo(methods));
    }

    [Test]
    public async Task EveryHubMethod_ByEveryKindOfPerson_WithRealAndGuessedIds()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var signalRSource = await community.Client("sam").GetStringAsync("/lib/signalr/signalr.min.js");

        var guest = await (await browser.NewContextAsync()).NewPageAsync();
        await guest.GotoAsync(community.Site.BaseUrl + "/help");
        await guest.EvaluateAsync("() => {\n" + signalRSource + "\n}");
        var guestResult = await guest.EvaluateAsync<JsonElement>(CallEverything, new object[] { community.SetId, Calls });
        Assert.That(guestResult.GetProperty("connect").GetString(), Does.Contain("401"), "guests cannot even connect");

        foreach (var (handle, hasAccess) in new[] { ("sam", true), ("faye", true), ("admin", true), ("olly", false), ("cora", false) })
        {
            var (_, page, _) = await community.BrowserAsync(browser, handle);
            await page.GotoAsync(community.Site.BaseUrl + "/help");
            await page.EvaluateAsync("() => {\n" + signalRSource + "\n}");
            foreach (var (setId, guessed) in new[] { (community.SetId, false), (987_654L, true) })
            {
                var results = await page.EvaluateAsync<JsonElement>(CallEverything, new object[] { setId, Calls });
                Assert.That(results.TryGetProperty("connect", out _), Is.False, $"{handle} connects");
                foreach (var call in Calls)
                {
                    var method = (string)call[0];
                    var answer = results.GetProperty(method).GetString()!;
                    if (!hasAccess || guessed)
                    {
                        Assert.That(answer, Does.EndWith(RoomHub.NotFound), $"{handle} → {method} on {(guessed ? "a guessed id" : "the set")}");
                    }
                    else if (method == "JoinRoom")
                    {
                        Assert.That(answer, Is.EqualTo("ok"), $"{handle} joins");
                    }
                    else
                    {
                        Assert.That(answer, Does.Not.Contain(RoomHub.NotFound), $"{handle} → {method}: a real answer once joined");
                    }
                }
            }
        }
    }

    [Test]
    public async Task ChatSends_AreRateLimited_WithAClearError()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var (_, faye, _) = await community.BrowserAsync(browser, "faye");
        var (_, sam, _) = await community.BrowserAsync(browser, "sam");
        var (_, priya, _) = await community.BrowserAsync(browser, "priya");
        foreach (var page in new[] { faye, sam, priya })
        {
            await page.GotoAsync($"{community.Site.BaseUrl}/sets/{community.SetId}/room");
        }
        await Microsoft.Playwright.Assertions.Expect(faye.Locator("#presence")).ToContainTextAsync("Priya: here", new() { Timeout = 15000 });
        // Opening: only the facilitator writes.
        await faye.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(faye.Locator("#phase-label")).ToHaveTextAsync("Opening", new() { Timeout = 15000 });
        var answers = await faye.EvaluateAsync<string[]>("""
            async (setId) => {
                const c = new signalR.HubConnectionBuilder().withUrl('/hubs/room').build();
                await c.start();
                await c.invoke('JoinRoom', setId);
                const out = [];
                for (let i = 0; i < 11; i++) {
                    try { const ack = await c.invoke('SendMessage', setId, crypto.randomUUID(), 'Burst ' + i); out.push('ok ' + ack.seq); }
                    catch (e) { out.push(String(e.message)); }
                }
                await c.stop();
                return out;
            }
            """, community.SetId);
        Assert.That(answers.Take(10), Is.All.StartWith("ok"));
        Assert.That(answers[10], Does.Contain("You have sent 10 messages in ten seconds"));
    }
}
