using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Sets;

/// <summary>Several members, each in their own browser context, in one live room against the real site.</summary>
[NonParallelizable]
public sealed partial class RoomBrowserTests
{
    // Several browsers and a real server on two shared cores: allow live updates a generous moment.
    [OneTimeSetUp]
    public void AllowTime() => Assertions.SetDefaultExpectTimeout(15000);

    /// <summary>This person opens the room in their own browser context (made ready first by <paramref name="prepare"/>), CSP violations collected.</summary>
    internal static async Task<IPage> EnterAsync(LiveCommunity community, IBrowser browser, string handle, List<string> csp, Func<IBrowserContext, Task>? prepare = null)
    {
        var (context, page, violations) = await community.BrowserAsync(browser, handle);
        if (prepare is not null)
        {
            await prepare(context);
        }
        await page.GotoAsync($"{community.Site.BaseUrl}/sets/{community.SetId}/room");
        await Assertions.Expect(page.Locator("#composer")).ToBeVisibleAsync();
        page.Console += (_, _) => { };
        csp.AddRange(violations);
        violations.Clear();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                csp.Add(message.Text);
            }
        };
        return page;
    }

    private static Task ClickAsync(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    private static async Task SayAsync(IPage page, string text)
    {
        await page.GetByLabel("Your message").FillAsync(text);
        await ClickAsync(page, "Send");
        await Assertions.Expect(page.Locator("#chat-log .message", new() { HasText = text }).Locator(".send-status")).ToHaveCountAsync(0, new() { Timeout = 15000 });
    }

    private static Task<bool> AtNewestAsync(IPage page) =>
        page.Locator("#chat-log").EvaluateAsync<bool>("log => log.scrollHeight - log.scrollTop - log.clientHeight < 40");

    private static Task ExpectPhaseAsync(IPage page, string label) =>
        Assertions.Expect(page.Locator("#phase-label")).ToHaveTextAsync(label);

    private static Task ExpectPresenceAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator("#presence")).ToContainTextAsync(text, new() { Timeout = 15000 });

    /// <summary>Faye starts and walks the two present members through check-in to bidding, where everyone may write.</summary>
    private static async Task ToBiddingAsync(IPage faye, params IPage[] members)
    {
        await ClickAsync(faye, "Start the meeting");
        await ExpectPhaseAsync(faye, "Opening");
        await ClickAsync(faye, "Move on");
        await ExpectPhaseAsync(faye, "Check-in round");
        for (var i = 0; i < members.Length; i++)
        {
            await ClickAsync(faye, "Move on");
        }
        foreach (var page in members.Append(faye))
        {
            await ExpectPhaseAsync(page, "Bids for time");
        }
    }

    /// <summary>Faye, Sam and Priya in the room, walked to the bids, where everyone may write.</summary>
    private static async Task<(IPage Faye, IPage Sam, IPage Priya)> ThreeAtTheBidsAsync(LiveCommunity community, IBrowser browser, List<string> csp)
    {
        var faye = await EnterAsync(community, browser, "faye", csp);
        var sam = await EnterAsync(community, browser, "sam", csp);
        var priya = await EnterAsync(community, browser, "priya", csp);
        await ExpectPresenceAsync(faye, "Priya: here");
        await ToBiddingAsync(faye, sam, priya);
        return (faye, sam, priya);
    }

    [Test]
    public async Task ThreePeople_SeeMessagesPresenceHandsPhasesAndTimer_InSync_Accessibly()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var faye = await EnterAsync(community, browser, "faye", csp);
        var sam = await EnterAsync(community, browser, "sam", csp);
        var priya = await EnterAsync(community, browser, "priya", csp);

        await ExpectPresenceAsync(faye, "Sam: here");
        await ExpectPresenceAsync(sam, "Priya: here");
        await ExpectPresenceAsync(priya, "Faye (facilitator): here");
        await Assertions.Expect(sam.Locator("#presence")).ToContainTextAsync("Joe: not here");
        await Assertions.Expect(sam.Locator("#chat-log")).ToHaveAttributeAsync("role", "log");
        // The lobby is open for hellos while people arrive.
        await Assertions.Expect(sam.GetByLabel("Your message")).ToBeEnabledAsync();
        await SayAsync(sam, "Hello from the lobby.");
        await Assertions.Expect(priya.Locator("#chat-log .message")).ToContainTextAsync(["Sam: Hello from the lobby."]);
        await sam.AssertAccessibleAsync("room lobby, member");
        await faye.AssertAccessibleAsync("room lobby, facilitator");

        await ClickAsync(faye, "Start the meeting");
        foreach (var page in new[] { faye, sam, priya })
        {
            await ExpectPhaseAsync(page, "Opening");
            await Assertions.Expect(page.Locator("#timer")).ToHaveTextAsync(TimerPattern());
        }
        await Assertions.Expect(sam.Locator("#room-status")).ToContainTextAsync("Now: Opening");

        await SayAsync(faye, "Welcome, everyone.");
        await Assertions.Expect(sam.Locator("#chat-log .message")).ToHaveCountAsync(2, new() { Timeout = 15000 });
        await Assertions.Expect(sam.Locator("#chat-log .message").Last).ToContainTextAsync("Faye: Welcome, everyone.");
        await Assertions.Expect(sam.GetByLabel("Your message")).ToBeDisabledAsync();
        await sam.AssertAccessibleAsync("opening with a message");

        await ClickAsync(faye, "Move on");
        await ExpectPhaseAsync(sam, "Check-in round");
        await Assertions.Expect(sam.Locator("#phase-who")).ToHaveTextAsync("· Sam's turn");
        await Assertions.Expect(sam.GetByLabel("Your message")).ToBeEnabledAsync();
        await Assertions.Expect(priya.GetByLabel("Your message")).ToBeDisabledAsync();
        await SayAsync(sam, "Feeling hopeful today.");
        await Assertions.Expect(priya.Locator("#chat-log .message").Last).ToContainTextAsync("Sam: Feeling hopeful today.");

        await ClickAsync(priya, "Raise hand");
        await Assertions.Expect(faye.Locator("#hands")).ToHaveTextAsync("Priya");
        await Assertions.Expect(sam.Locator("#hands")).ToHaveTextAsync("Priya");
        await faye.AssertAccessibleAsync("check-in with a raised hand, facilitator");
        await ClickAsync(faye, "Take the next hand");
        await Assertions.Expect(priya.Locator("#no-hands")).ToBeVisibleAsync();

        await ClickAsync(sam, "Pass my turn");
        await Assertions.Expect(priya.Locator("#phase-who")).ToHaveTextAsync("· Priya's turn");
        await Assertions.Expect(priya.Locator("#room-status")).ToContainTextAsync("turn");

        await ClickAsync(faye, "Stop the set");
        await Assertions.Expect(sam.Locator("#phase-flags")).ToHaveTextAsync("Stopped by the facilitator.");
        await Assertions.Expect(sam.Locator("#timer")).ToContainTextAsync("(paused)");
        await ClickAsync(faye, "Resume");
        await ClickAsync(sam, "Ask for a break");
        await Assertions.Expect(faye.Locator("#break-requests")).ToContainTextAsync("1 person has asked for a break");

        await ClickAsync(faye, "Move on");
        await ExpectPhaseAsync(sam, "Bids for time");
        await sam.GetByLabel("Minutes you would like").FillAsync("25");
        await sam.GetByLabel("Headline (optional)").FillAsync("Getting heard at board level");
        await ClickAsync(sam, "Send my bid");
        await ClickAsync(priya, "No time today");
        await Assertions.Expect(faye.Locator("#bids")).ToContainTextAsync("Sam: 25 minutes — Getting heard at board level");
        await Assertions.Expect(faye.Locator("#bids")).ToContainTextAsync("Priya: no time today");
        await ClickAsync(faye, "Propose: presenters in the order they bid");
        await Assertions.Expect(priya.Locator("#allocation")).ToHaveTextAsync("Sam, 25 minutes");
        await priya.AssertAccessibleAsync("bids with an allocation");

        await ClickAsync(faye, "Move on");
        await ExpectPhaseAsync(priya, "Presentation");
        await Assertions.Expect(priya.GetByLabel("Your message")).ToBeDisabledAsync();
        await Assertions.Expect(sam.GetByLabel("Your message")).ToBeEnabledAsync();
        await Assertions.Expect(sam.Locator("#room-status")).ToContainTextAsync("It is your turn");
        var timers = await Task.WhenAll(new[] { faye, sam, priya }.Select(p => p.Locator("#timer").TextContentAsync()));
        Assert.That(timers.Select(t => t![..2]).Distinct().Count(), Is.EqualTo(1), "the same timer everywhere: " + string.Join(", ", timers));

        await ClickAsync(sam, "Step away");
        await ExpectPresenceAsync(faye, "Sam: stepped away");
        await ClickAsync(sam, "I'm back");
        await ExpectPresenceAsync(faye, "Sam: here");

        await faye.AssertAccessibleAsync("presentation, facilitator");
        await sam.AssertReflowsAt320Async();
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    [Test]
    public async Task Facilitator_ReordersPresentersByKeyboard_SetSeesItLive_AndHerBriefDropDoesNotPause()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var (faye, sam, priya) = await ThreeAtTheBidsAsync(community, browser, csp);
        await sam.GetByLabel("Minutes you would like").FillAsync("25");
        await ClickAsync(sam, "Send my bid");
        await Assertions.Expect(faye.Locator("#bids")).ToContainTextAsync("Sam: 25 minutes");
        await priya.GetByLabel("Minutes you would like").FillAsync("20");
        await ClickAsync(priya, "Send my bid");
        await Assertions.Expect(faye.Locator("#bids")).ToContainTextAsync("Priya: 20 minutes");
        await ClickAsync(faye, "Propose: presenters in the order they bid");
        var order = sam.Locator("#allocation li");
        await Assertions.Expect(order).ToHaveTextAsync(["Sam, 25 minutes", "Priya, 20 minutes"]);

        // Keyboard only: focus the control, press Enter; focus stays on it as the list re-renders.
        await faye.GetByRole(AriaRole.Button, new() { Name = "Move Priya up" }).FocusAsync();
        await faye.Keyboard.PressAsync("Enter");
        await Assertions.Expect(order).ToHaveTextAsync(["Priya, 20 minutes", "Sam, 25 minutes"]);
        await Assertions.Expect(priya.Locator("#allocation li")).ToHaveTextAsync(["Priya, 20 minutes", "Sam, 25 minutes"]);
        await Assertions.Expect(faye.Locator(":focus")).ToHaveAccessibleNameAsync("Move Priya up");
        await Assertions.Expect(faye.Locator("#room-status")).ToContainTextAsync("Priya moved up: now 1 of 2.");
        await faye.Keyboard.PressAsync("Enter");
        await Assertions.Expect(faye.Locator(":focus")).ToHaveAttributeAsync("aria-disabled", "true");
        await faye.GetByLabel("Minutes for Sam").SelectOptionAsync("30");
        await Assertions.Expect(order).ToHaveTextAsync(["Priya, 20 minutes", "Sam, 30 minutes"]);
        await faye.AssertAccessibleAsync("bids, facilitator reordering");
        await sam.AssertAccessibleAsync("bids, the set sees the proposed order");

        // Her page goes (a reload, a dropped network): the set carries on, timer running, and is not told to wait.
        await faye.Context.CloseAsync();
        await ExpectPresenceAsync(sam, "Faye (facilitator): not here");
        Assert.That(await sam.Locator("#timer").TextContentAsync(), Does.Not.Contain("paused"));
        Assert.That(await sam.Locator("#phase-flags").TextContentAsync(), Is.Empty);
        faye = await EnterAsync(community, browser, "faye", csp);
        await ExpectPresenceAsync(sam, "Faye (facilitator): here");
        await ClickAsync(faye, "Move on");
        await ExpectPhaseAsync(sam, "Presentation");
        await Assertions.Expect(sam.Locator("#phase-who")).ToHaveTextAsync("· Priya presenting");
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    [Test]
    public async Task MemberOffline_WhileOthersPostFive_SeesEachExactlyOnce_InOrder()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var (faye, sam, priya) = await ThreeAtTheBidsAsync(community, browser, csp);

        await priya.Context.SetOfflineAsync(true);
        for (var i = 1; i <= 5; i++)
        {
            await SayAsync(sam, $"Offline test {i}");
        }
        // Back online, the first two fetches of what she missed fail ("Failed to fetch"): the page must try again.
        var failures = 2;
        await priya.RouteAsync("**/room/messages*", async route =>
        {
            if (Interlocked.Decrement(ref failures) >= 0)
            {
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await priya.Context.SetOfflineAsync(false);
        await priya.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");
        await Assertions.Expect(priya.Locator("#chat-log .message", new() { HasText = "Offline test" })).ToHaveCountAsync(5, new() { Timeout = 45000 });
        for (var waited = 0; Volatile.Read(ref failures) >= 0 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }
        Assert.That(Volatile.Read(ref failures), Is.LessThan(0), "after two failed fetches the page fetched again");
        await Assertions.Expect(priya.Locator("#room-alert")).Not.ToContainTextAsync("Reconnecting", new() { Timeout = 45000 });
        var texts = await priya.Locator("#chat-log .message .text").AllTextContentsAsync();
        Assert.That(texts.Where(t => t.StartsWith("Offline test", StringComparison.Ordinal)), Is.EqualTo(Enumerable.Range(1, 5).Select(i => $"Offline test {i}")));
        var seqs = await priya.Locator("#chat-log .message").EvaluateAllAsync<long[]>("items => items.map(i => Number(i.dataset.seq))");
        Assert.That(seqs, Is.Ordered.And.Unique);
        await priya.AssertAccessibleAsync("after reconnect");

        // The chat follows the newest message, unless the reader has scrolled up to read: then it says more is below.
        var longText = string.Join(" ", Enumerable.Repeat("A long message that wraps over several lines in the chat log.", 6));
        for (var i = 1; i <= 4; i++)
        {
            await SayAsync(faye, $"Long {i}: {longText}");
        }
        await Assertions.Expect(priya.Locator("#chat-log .message", new() { HasText = "Long 4:" })).ToHaveCountAsync(1);
        Assert.That(await AtNewestAsync(priya), Is.True, "the log followed the newest message");
        await priya.Locator("#chat-log").EvaluateAsync("log => { log.scrollTop = 0; log.dispatchEvent(new Event('scroll')); }");
        await SayAsync(faye, "After scrolling up");
        var below = priya.GetByRole(AriaRole.Button, new() { Name = "New messages below" });
        await Assertions.Expect(below).ToBeVisibleAsync();
        Assert.That(await priya.Locator("#chat-log").EvaluateAsync<double>("log => log.scrollTop"), Is.Zero, "the reader stays where they were reading");
        await priya.AssertAccessibleAsync("member scrolled up, new messages below");
        await below.ClickAsync();
        Assert.That(await AtNewestAsync(priya), Is.True, "the button shows the newest message");
        await Assertions.Expect(below).ToBeHiddenAsync();
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    [Test]
    public async Task RetriedSend_WithTheSameClientId_StoresOnce()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var (faye, sam, priya) = await ThreeAtTheBidsAsync(community, browser, csp);

        var seqs = await sam.EvaluateAsync<long[]>("""
            async (setId) => {
                const c = new signalR.HubConnectionBuilder().withUrl('/hubs/room').build();
                await c.start();
                await c.invoke('JoinRoom', setId);
                const id = crypto.randomUUID();
                const first = await c.invoke('SendMessage', setId, id, 'Sent twice');
                const again = await c.invoke('SendMessage', setId, id, 'Sent twice');
                await c.stop();
                return [first.seq, again.seq];
            }
            """, community.SetId);
        Assert.That(seqs[0], Is.EqualTo(seqs[1]));
        await Assertions.Expect(priya.Locator("#chat-log .message", new() { HasText = "Sent twice" })).ToHaveCountAsync(1, new() { Timeout = 15000 });
        var history = await community.Client("sam").GetStringAsync($"/sets/{community.SetId}/room/messages?after=0");
        Assert.That(Regex.Matches(history, "Sent twice"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task MemberRemovedMidMeeting_StopsReceiving_AndTheirNextCallFails()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var faye = await EnterAsync(community, browser, "faye", csp);
        var sam = await EnterAsync(community, browser, "sam", csp);
        var jo = await EnterAsync(community, browser, "joe", csp);
        await ExpectPresenceAsync(faye, "Joe: here");
        await ToBiddingAsync(faye, sam, jo);
        await SayAsync(sam, "Before removal");
        await Assertions.Expect(jo.Locator("#chat-log")).ToContainTextAsync("Before removal");

        var facilitator = community.Client("faye");
        var members = await facilitator.GetPageAsync($"/sets/{community.SetId}/members");
        var joForm = members.QuerySelectorAll("form[action*=Remove]").First(f => f.ParentElement!.ParentElement!.TextContent.Contains("@joe", StringComparison.Ordinal));
        joForm.ClassList.Add("remove-joe");
        var removed = await facilitator.SubmitAsync(members, $"/sets/{community.SetId}/members", new Dictionary<string, string>(), "form.remove-joe");
        Assert.That((int)removed.StatusCode, Is.EqualTo(302));

        await Assertions.Expect(jo.Locator("#room-alert")).ToContainTextAsync("no longer a member");
        await SayAsync(sam, "Canary after removal");
        await Assertions.Expect(faye.Locator("#chat-log")).ToContainTextAsync("Canary after removal");
        await Task.Delay(1000);
        Assert.That(await jo.Locator("#chat-log").TextContentAsync(), Does.Not.Contain("Canary after removal"));

        var answer = await jo.EvaluateAsync<string>("""
            async (setId) => {
                const c = new signalR.HubConnectionBuilder().withUrl('/hubs/room').build();
                await c.start();
                try { await c.invoke('JoinRoom', setId); return 'joined'; } catch (e) { return e.message; } finally { await c.stop(); }
            }
            """, community.SetId);
        Assert.That(answer, Does.Contain("This room does not exist."));
        await jo.AssertAccessibleAsync("removed member's room");
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    [Test]
    public async Task SignedOutSession_HubCallsFail()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var sam = await EnterAsync(community, browser, "sam", csp);
        await Assertions.Expect(sam.Locator("#presence")).ToContainTextAsync("Sam: here");
        // The browser carries the same session as this client: signing out here ends it on the server.
        var signedOut = await community.Client("sam").SubmitAsync("/sets", new Dictionary<string, string>(), "header form[method=post]");
        Assert.That((int)signedOut.StatusCode, Is.EqualTo(302));

        await ClickAsync(sam, "Raise hand");
        await Assertions.Expect(sam.Locator("#room-alert")).ToContainTextAsync("session has ended");
    }

    [Test]
    public async Task ServerRestart_RoomCarriesOnWithItsPhaseAndTimer()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var faye = await EnterAsync(community, browser, "faye", csp);
        var sam = await EnterAsync(community, browser, "sam", csp);
        var priya = await EnterAsync(community, browser, "priya", csp);
        await ExpectPresenceAsync(faye, "Priya: here");
        await ClickAsync(faye, "Start the meeting");
        await ExpectPhaseAsync(faye, "Opening");
        await ClickAsync(faye, "Move on");
        await ExpectPhaseAsync(sam, "Check-in round");
        await SayAsync(sam, "Before the restart");
        var before = Seconds((await sam.Locator("#timer").TextContentAsync())!);

        // Stopped as a service manager stops it: the open rooms close at once and pages that try to reconnect to the
        // stopping process are turned away, so nothing holds it open until the host's 30-second shutdown limit.
        var stopping = await community.Site.RestartAsync(graceful: true);
        TestContext.Progress.WriteLine($"The site stopped in {stopping.TotalSeconds:F1} s with three rooms open.");
        Assert.That(stopping, Is.LessThan(TimeSpan.FromSeconds(20)), "the live rooms did not hold the stopping site open");

        await Assertions.Expect(sam.Locator("#room-alert")).ToContainTextAsync("Reconnected", new() { Timeout = 60000 });
        await Assertions.Expect(faye.Locator("#room-alert")).ToContainTextAsync("Reconnected", new() { Timeout = 60000 });
        await ExpectPhaseAsync(sam, "Check-in round");
        var after = Seconds((await sam.Locator("#timer").TextContentAsync())!);
        Assert.That(after, Is.LessThanOrEqualTo(before).And.GreaterThan(before - 90), "the timer carried on from the database");
        await SayAsync(sam, "After the restart");
        await Assertions.Expect(faye.Locator("#chat-log .message .text")).ToHaveTextAsync(["Before the restart", "After the restart"], new() { Timeout = 15000 });
        await ClickAsync(faye, "Move on");
        await Assertions.Expect(priya.Locator("#phase-who")).ToHaveTextAsync("· Priya's turn");
        await ExpectPresenceAsync(faye, "Sam: here");
        await sam.AssertAccessibleAsync("after a server restart");
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    private static int Seconds(string timer)
    {
        var match = TimerPattern().Match(timer);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 60 + int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d+):(\d\d)")]
    private static partial Regex TimerPattern();
}
