using System.Text.Json;
using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.BrowserTests.Sets;

/// <summary>
/// Three people talking in a set's room through Chromium's synthetic microphone, over real WebRTC connections: each
/// hears the others (RTP packets keep arriving, read from getStats), the floor follows the meeting's phases, and the
/// audio comes back after the site restarts.
/// </summary>
[NonParallelizable]
public sealed class RoomAudioBrowserTests
{
    [OneTimeSetUp]
    public void AllowTime() => Assertions.SetDefaultExpectTimeout(20000);

    /// <summary>
    /// Test instrumentation only: remembers every RTCPeerConnection the page makes, so getStats can be read. Once
    /// <c>window.__loseFirstCandidates</c> is set, each new connection loses the ICE candidates of its first
    /// generation before the page sees them, as if their signalling messages were lost on the way.
    /// </summary>
    private const string RecordPeerConnections = """
        (() => {
            const Native = window.RTCPeerConnection;
            if (!Native) return;
            window.__peerConnections = [];
            const nativeHandler = Object.getOwnPropertyDescriptor(Native.prototype, "onicecandidate");
            window.RTCPeerConnection = function (...args) {
                const pc = new Native(...args);
                window.__peerConnections.push(pc);
                if (window.__loseFirstCandidates) {
                    let handler = null, firstGeneration = null;
                    Object.defineProperty(pc, "onicecandidate", {
                        get: () => handler,
                        set: (value) => {
                            handler = value;
                            nativeHandler.set.call(pc, (event) => {
                                firstGeneration ??= event.candidate?.usernameFragment ?? null;
                                if (event.candidate && event.candidate.usernameFragment === firstGeneration) return;
                                handler?.(event);
                            });
                        },
                    });
                }
                return pc;
            };
            window.RTCPeerConnection.prototype = Native.prototype;
        })();
        """;

    /// <summary>
    /// Per open peer connection: which one it is (its place among all the page has made), its state, audio packets
    /// received, and the local candidate type in use.
    /// </summary>
    private const string ReadStats = """
        async () => {
            const out = [];
            for (const [id, pc] of (window.__peerConnections ?? []).entries()) {
                if (pc.connectionState === "closed") continue;
                const stats = await pc.getStats();
                let packets = 0, local = "";
                const byId = new Map();
                stats.forEach((r) => byId.set(r.id, r));
                stats.forEach((r) => {
                    if (r.type === "inbound-rtp" && r.kind === "audio") packets += r.packetsReceived ?? 0;
                    if (r.type === "candidate-pair" && r.state === "succeeded" && r.nominated) local = byId.get(r.localCandidateId)?.candidateType ?? "";
                });
                out.push({ id, state: pc.connectionState, packets, local });
            }
            return out;
        }
        """;

    internal sealed record PeerStats(int Id, string State, long Packets, string Local);

    /// <summary>Into the room with the microphone allowed and the page's peer connections recorded.</summary>
    internal static Task<IPage> EnterAsync(LiveCommunity community, IBrowser browser, string handle, List<string> csp) =>
        RoomBrowserTests.EnterAsync(community, browser, handle, csp, async context =>
        {
            await context.GrantPermissionsAsync(["microphone", "camera"], new() { Origin = community.Site.BaseUrl });
            await context.AddInitScriptAsync(RecordPeerConnections);
        });

    private static Task ClickAsync(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    private static async Task<IReadOnlyList<PeerStats>> StatsAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(ReadStats)).Deserialize<List<PeerStats>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>
    /// This page has a connected peer for each of the others, and audio packets from every one of them keep coming:
    /// the same connections, read 1.5 s apart, have each received more. A connection replaced in between (the room
    /// renegotiating after a reconnect) starts the wait again rather than being compared with another one's count.
    /// </summary>
    internal static async Task<IReadOnlyList<PeerStats>> HearsEveryoneAsync(IPage page, int others, string who)
    {
        IReadOnlyList<PeerStats> first = [], later = [];
        for (var tries = 0; tries < 5; tries++)
        {
            first = await ConnectedAsync(page, others);
            if (first.Count != others || first.Any(s => s.State != "connected"))
            {
                break;
            }
            await Task.Delay(1500);
            later = await StatsAsync(page);
            if (later.Select(s => s.Id).SequenceEqual(first.Select(s => s.Id)))
            {
                break;
            }
        }
        Assert.That(first.Select(s => s.State), Is.EqualTo(Enumerable.Repeat("connected", others)),
            $"{who}: one connected peer for each of the others; saw {string.Join(", ", first)}");
        Assert.That(later.Select(s => s.Id), Is.EqualTo(first.Select(s => s.Id)), $"{who}: the same {others} peers 1.5 s later");
        for (var i = 0; i < others; i++)
        {
            Assert.That(later[i].Packets, Is.GreaterThan(first[i].Packets), $"{who}: audio keeps arriving from peer {i + 1}");
        }
        return later;
    }

    /// <summary>Waits up to 20 s for one connected peer with audio for each of the others; the last reading either way.</summary>
    private static async Task<IReadOnlyList<PeerStats>> ConnectedAsync(IPage page, int others)
    {
        IReadOnlyList<PeerStats> stats = [];
        for (var i = 0; i < 100; i++)
        {
            stats = await StatsAsync(page);
            if (stats.Count == others && stats.All(s => s.State == "connected" && s.Packets > 0))
            {
                return stats;
            }
            await Task.Delay(200);
        }
        return stats;
    }

    private static async Task AccessibleOnAudioAsync(string phase, IPage facilitator, IPage member)
    {
        await facilitator.AssertAccessibleAsync($"{phase} on audio, facilitator");
        await member.AssertAccessibleAsync($"{phase} on audio, member");
    }

    private static Task<bool> SendingAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => (window.__peerConnections ?? []).filter(pc => pc.connectionState !== 'closed').some(pc => pc.getSenders().some(s => s.track && s.track.enabled))");

    [Test]
    public async Task ThreePeople_HearEachOther_TheFloorFollowsThePhases_AndAudioReturnsAfterARestart()
    {
        await using var browser = await Chromium.LaunchAsync(Chromium.FakeMedia);
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var faye = await EnterAsync(community, browser, "faye", csp);
        var sam = await EnterAsync(community, browser, "sam", csp);
        var priya = await EnterAsync(community, browser, "priya", csp);
        var everyone = new[] { faye, sam, priya };
        await Assertions.Expect(faye.Locator("#presence")).ToContainTextAsync("Priya: here · chat only");
        await Assertions.Expect(faye.Locator("#audio-direct")).ToBeVisibleAsync();
        await Assertions.Expect(sam.Locator("#audio-direct")).ToHaveCountAsync(0);

        // In the lobby everyone may speak: each joins with the microphone on.
        foreach (var page in everyone)
        {
            await ClickAsync(page, "Join audio");
            await Assertions.Expect(page.Locator("#audio-state")).ToHaveTextAsync("Your microphone is on.");
            await Assertions.Expect(page.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "false");
        }
        foreach (var (page, who) in new[] { (faye, "Faye"), (sam, "Sam"), (priya, "Priya") })
        {
            await HearsEveryoneAsync(page, 2, who);
        }
        await Assertions.Expect(faye.Locator("#presence")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Sam: here · (on audio|speaking)"));
        await Assertions.Expect(faye.GetByRole(AriaRole.Button, new() { Name = "Ask Sam to mute" })).ToBeVisibleAsync();
        await sam.AssertAccessibleAsync("room lobby on audio, member");
        await faye.AssertAccessibleAsync("room lobby on audio, facilitator");

        // Sam mutes by shortcut and back; the others' lists say so.
        await sam.Keyboard.PressAsync("Alt+m");
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(sam.Locator("#room-status")).ToContainTextAsync("You are muted.");
        await Assertions.Expect(faye.Locator("#presence")).ToContainTextAsync("Sam: here · on audio, muted");
        Assert.That(await SendingAsync(sam), Is.False, "a muted microphone sends nothing");
        await sam.Keyboard.PressAsync("Alt+m");
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "false");

        // Sam shares his camera: a small named picture appears for the others, and goes when he stops.
        await ClickAsync(sam, "Share my camera");
        await Assertions.Expect(sam.Locator("#camera-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        var samOnFaye = faye.Locator("#video-grid figure", new() { HasText = "Sam" });
        await Assertions.Expect(samOnFaye).ToBeVisibleAsync();
        await Assertions.Expect(samOnFaye.Locator("video")).ToHaveAttributeAsync("aria-label", "Sam's camera");
        await samOnFaye.Locator("video").EvaluateAsync("video => new Promise((resolve) => { const check = () => video.videoWidth > 0 ? resolve() : setTimeout(check, 100); check(); })");
        await faye.AssertAccessibleAsync("room lobby on audio with a camera, facilitator");
        await ClickAsync(sam, "Share my camera");
        await Assertions.Expect(sam.Locator("#camera-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(samOnFaye).ToBeHiddenAsync();

        // The facilitator asks Priya to mute: her page asks her; it does not mute her.
        await ClickAsync(faye, "Ask Priya to mute");
        await Assertions.Expect(priya.Locator("#audio-asked")).ToBeVisibleAsync();
        await Assertions.Expect(priya.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "false");
        await ClickAsync(priya, "Mute microphone");
        await Assertions.Expect(priya.Locator("#audio-asked")).ToBeHiddenAsync();
        await ClickAsync(priya, "Mute microphone");

        // To Priya's presentation: Sam's microphone closes; the presenter's stays open.
        await ClickAsync(faye, "Start the meeting");
        await Assertions.Expect(faye.Locator("#phase-label")).ToHaveTextAsync("Opening");
        await AccessibleOnAudioAsync("opening", faye, sam);
        await ClickAsync(faye, "Move on");
        await Assertions.Expect(faye.Locator("#phase-label")).ToHaveTextAsync("Check-in round");
        await AccessibleOnAudioAsync("check-in", faye, sam);
        await ClickAsync(faye, "Move on");
        await ClickAsync(faye, "Move on");
        await Assertions.Expect(priya.Locator("#phase-label")).ToHaveTextAsync("Bids for time");
        await AccessibleOnAudioAsync("bids", faye, sam);
        await ClickAsync(priya, "Send my bid");
        await ClickAsync(sam, "No time today");
        await Assertions.Expect(faye.Locator("#bids")).ToContainTextAsync("Sam: no time today");
        await ClickAsync(faye, "Propose: presenters in the order they bid");
        await Assertions.Expect(sam.Locator("#allocation")).ToContainTextAsync("Priya");
        await ClickAsync(faye, "Move on");
        await Assertions.Expect(sam.Locator("#phase-label")).ToHaveTextAsync("Presentation");
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-disabled", "true");
        await Assertions.Expect(sam.Locator("#audio-floor")).ToHaveTextAsync("During the presentation only the presenter speaks. Raise your hand to ask to speak.");
        await Assertions.Expect(priya.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.That(await SendingAsync(sam), Is.False, "Sam's microphone closed for the presentation");
        Assert.That(await SendingAsync(priya), Is.True, "the presenter is heard");
        await HearsEveryoneAsync(sam, 2, "Sam, listening to the presentation");

        // Sam cannot unmute, by button (aria-disabled keeps it in the tab order, with its reason said) or shortcut.
        await sam.GetByRole(AriaRole.Button, new() { Name = "Mute microphone" }).ClickAsync(new() { Force = true });
        await sam.Keyboard.PressAsync("Alt+m");
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(sam.Locator("#room-status")).ToContainTextAsync("only the presenter speaks");
        Assert.That(await SendingAsync(sam), Is.False);
        await sam.AssertAccessibleAsync("presentation on audio, member without the floor");
        await priya.AssertAccessibleAsync("presentation on audio, presenter");

        // He raises his hand; the facilitator takes it; now he may.
        await ClickAsync(sam, "Raise hand");
        await ClickAsync(faye, "Take the next hand");
        await Assertions.Expect(sam.Locator("#audio-floor")).ToHaveTextAsync("The facilitator has given you the floor: you may unmute.");
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-disabled", "false");
        await ClickAsync(sam, "Mute microphone");
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.That(await SendingAsync(sam), Is.True, "Sam is heard once he has the floor");
        await Assertions.Expect(faye.Locator("#presence")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Sam: here · (on audio|speaking)"));
        await faye.AssertAccessibleAsync("presentation on audio, facilitator, a member with the floor");
        await ClickAsync(sam, "I have finished speaking");
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "true");

        // The rest of Priya's slot and the close of the meeting, on audio, each checked with axe by member and facilitator.
        foreach (var phase in new[] { "Clarifying questions", "Open questions", "Action commitment", "Reflection", "Process review", "Check-out round" })
        {
            await ClickAsync(faye, "Move on");
            await Assertions.Expect(sam.Locator("#phase-label")).ToHaveTextAsync(phase);
            await Assertions.Expect(sam.Locator("#audio-floor")).ToHaveTextAsync("Everyone may speak in this part of the meeting.");
            await AccessibleOnAudioAsync(phase, faye, sam);
        }

        // The site restarts: every page reconnects, joins the audio again under a new session, and hears everyone.
        await community.Site.RestartAsync();
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator("#room-alert")).ToContainTextAsync("Reconnected", new() { Timeout = 60000 });
        }
        foreach (var (page, who) in new[] { (faye, "Faye"), (sam, "Sam"), (priya, "Priya") })
        {
            await HearsEveryoneAsync(page, 2, who + " after the restart");
        }
        await Assertions.Expect(sam.Locator("#audio-mute")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    /// <summary>How many relay candidates a page gathers from this TURN server with these credentials.</summary>
    private const string CountRelayCandidates = """
        async ([url, username, credential]) => {
            const pc = new RTCPeerConnection({ iceServers: [{ urls: url, username, credential }], iceTransportPolicy: "relay" });
            pc.createDataChannel("probe");
            let relays = 0;
            const gathered = new Promise((resolve) => {
                pc.onicecandidate = (event) => { if (!event.candidate) resolve(); else if (event.candidate.type === "relay") relays++; };
                setTimeout(resolve, 10000);
            });
            await pc.setLocalDescription(await pc.createOffer());
            await gathered;
            pc.close();
            return relays;
        }
        """;

    /// <summary>
    /// Relay-only audio goes through coturn, which checks the site's short-lived credentials itself. The candidates
    /// of the first attempt are lost on the way, so the connection stalls before it starts: each page restarts it,
    /// with fresh credentials, and the audio flows.
    /// </summary>
    [Test]
    public async Task RelayOnly_AudioFlowsThroughCoturn_AfterAStalledStart_WhoseCredentialsExpire()
    {
        await using var turn = await CoturnTestServer.StartAsync();
        await using var browser = await Chromium.LaunchAsync(Chromium.FakeMedia);
        await using var community = await LiveCommunity.StartAsync(new Dictionary<string, string>
        {
            ["Rooms__Turn__Urls__0"] = turn.Url, ["Rooms__Turn__Secret"] = turn.Secret, ["Rooms__Turn__RelayOnly"] = "true",
        });
        var csp = new List<string>();
        var faye = await EnterAsync(community, browser, "faye", csp);
        var sam = await EnterAsync(community, browser, "sam", csp);
        await Assertions.Expect(faye.Locator("#presence")).ToContainTextAsync("Sam: here");
        await Assertions.Expect(faye.Locator("#audio-direct")).ToHaveCountAsync(0, new() { Timeout = 1000 });

        foreach (var page in new[] { faye, sam })
        {
            await page.EvaluateAsync("() => { window.__loseFirstCandidates = true; }");
        }
        await ClickAsync(faye, "Join audio");
        await ClickAsync(sam, "Join audio");
        foreach (var (page, who) in new[] { (faye, "Faye"), (sam, "Sam") })
        {
            var stats = await HearsEveryoneAsync(page, 1, who + ", relayed after a restart");
            Assert.That(stats.Select(s => s.Local), Is.All.EqualTo("relay"), $"{who}: audio goes through coturn, never directly");
        }

        // coturn checks the site's credentials itself: a fresh one gets a relay, one past its expiry does not.
        await sam.EvaluateAsync("() => { window.__loseFirstCandidates = false; }");
        var fresh = $"{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}:1";
        var expired = $"{DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}:1";
        Assert.That(await sam.EvaluateAsync<int>(CountRelayCandidates, new object[] { turn.Url, fresh, TurnCredentials.Password(turn.Secret, fresh) }), Is.GreaterThan(0));
        Assert.That(await sam.EvaluateAsync<int>(CountRelayCandidates, new object[] { turn.Url, expired, TurnCredentials.Password(turn.Secret, expired) }), Is.EqualTo(0));
        Assert.That(await sam.EvaluateAsync<int>(CountRelayCandidates, new object[] { turn.Url, fresh, TurnCredentials.Password("not the secret", fresh) }), Is.EqualTo(0));
        Assert.That(csp, Is.Empty, "CSP violations");
    }
}
