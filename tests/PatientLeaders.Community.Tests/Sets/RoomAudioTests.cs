using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>
/// The room's audio through the real hub: who may join it, who may unmute in each part of the meeting, and that
/// signalling reaches only the admitted page it was meant for.
/// </summary>
public sealed class RoomAudioTests
{
    private const string SamSession = "sam-session-0001";
    private const string PriyaSession = "priya-session-01";
    private const string FayeSession = "faye-session-001";

    private sealed record Page(HubConnection Connection, ConcurrentQueue<string> Heard) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private static async Task<Page> EnterAsync(SetCommunity c, string email)
    {
        var cookies = new CookieContainer();
        TestApp.AssertRedirect(await c.App.NewBrowser(cookies).SignInAsync(email, Journeys.Password), "/");
        var connection = await c.App.ConnectHubAsync(RoomHub.Path, cookies);
        var heard = new ConcurrentQueue<string>();
        connection.On<long, string, string, string, string>("Signal", (from, fromSession, toSession, kind, payload) => heard.Enqueue($"signal {from} {fromSession}→{toSession} {kind} {payload}"));
        connection.On<long>("AskedToMute", _ => heard.Enqueue("asked to mute"));
        connection.On<long>("AudioMoved", _ => heard.Enqueue("audio moved"));
        await connection.InvokeAsync<JsonElement>("JoinRoom", c.SetId);
        return new Page(connection, heard);
    }

    private static async Task<SetCommunity> MeetingSoonAsync()
    {
        var c = await SetCommunity.CreateAsync();
        await c.Sam.AcceptRulesAsync(c.SetId);
        await c.Priya.AcceptRulesAsync(c.SetId);
        await c.Facilitator.ScheduleSoonAsync(c.SetId);
        return c;
    }

    /// <summary>Opening, the check-in round, then bids: Priya presents first.</summary>
    private static async Task<RoomStateView> ToPriyasPresentationAsync(SetCommunity c, Page faye, Page priya)
    {
        await faye.Connection.InvokeAsync<RoomStateView>("StartMeeting", c.SetId);
        for (var i = 0; i < 3; i++)
        {
            await faye.Connection.InvokeAsync<RoomStateView>("NextStep", c.SetId);
        }
        await priya.Connection.InvokeAsync<RoomStateView>("SubmitBid", c.SetId, 20, "Priya's issue", false);
        var priyaId = await c.MemberIdAsync("priya");
        await faye.Connection.InvokeAsync<RoomStateView>("ProposeOrder", c.SetId, new List<PresenterSlot> { new(priyaId, 20) });
        var state = await faye.Connection.InvokeAsync<RoomStateView>("NextStep", c.SetId);
        Assert.That((state.Phase, state.AudioFloor, state.Presenter?.MemberId), Is.EqualTo(("Presentation", "Presenter", (long?)priyaId)));
        return state;
    }

    private static async Task<string> AudioOfAsync(SetCommunity c, string handle)
    {
        var id = await c.MemberIdAsync(handle);
        return (await c.App.Service<RoomService>().PresenceAsync(c.SetId, CancellationToken.None)).Single(p => p.MemberId == id).Audio;
    }

    [Test]
    public async Task Presentation_OnlyThePresenterTheFacilitatorAndATakenHandMayUnmute()
    {
        await using var c = await MeetingSoonAsync();
        await using var faye = await EnterAsync(c, "faye@example.org");
        await using var sam = await EnterAsync(c, "sam@example.org");
        await using var priya = await EnterAsync(c, "priya@example.org");

        // In the lobby everyone may speak: Sam joins with his microphone on.
        var lobby = await sam.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, SamSession, false);
        Assert.That((lobby.Muted, lobby.Peers.Count), Is.EqualTo((false, 0)));
        Assert.That(await AudioOfAsync(c, "sam"), Is.EqualTo(AudioStatus.On));

        await ToPriyasPresentationAsync(c, faye, priya);
        var priyaJoin = await priya.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, PriyaSession, false);
        var fayeJoin = await faye.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, FayeSession, false);
        Assert.Multiple(() =>
        {
            Assert.That(priyaJoin.Muted, Is.False, "the presenter's microphone is open");
            Assert.That(fayeJoin.Muted, Is.False, "the facilitator may always speak");
            Assert.That(priyaJoin.Peers.Select(p => p.Session), Is.EqualTo(new[] { SamSession }), "Priya connects to Sam, who is already on the audio");
            Assert.That(fayeJoin.Peers.Select(p => p.Session), Is.EquivalentTo(new[] { SamSession, PriyaSession }));
        });

        // Sam mutes himself (the page does when the presentation begins), then may not unmute.
        await sam.Connection.InvokeAsync("SetMuted", c.SetId, true);
        var refused = Assert.ThrowsAsync<HubException>(() => sam.Connection.InvokeAsync("SetMuted", c.SetId, false));
        Assert.That(refused!.Message, Does.Contain("only the presenter speaks"));
        Assert.That(await AudioOfAsync(c, "sam"), Is.EqualTo(AudioStatus.Muted));
        // Joining again in the presentation starts him muted, whatever he asks.
        Assert.That((await sam.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, SamSession, false)).Muted, Is.True);

        // He raises his hand; the facilitator takes it: now he may.
        await sam.Connection.InvokeAsync<RoomStateView>("RaiseHand", c.SetId);
        var taken = await faye.Connection.InvokeAsync<RoomStateView>("ClearHand", c.SetId, (long?)null);
        Assert.That(taken.Floor?.MemberId, Is.EqualTo(await c.MemberIdAsync("sam")));
        await sam.Connection.InvokeAsync("SetMuted", c.SetId, false);
        Assert.That(await AudioOfAsync(c, "sam"), Is.EqualTo(AudioStatus.On));

        // Priya cannot end Sam's floor; he can; then he may not unmute again.
        Assert.ThrowsAsync<HubException>(() => priya.Connection.InvokeAsync<RoomStateView>("ReleaseFloor", c.SetId));
        await sam.Connection.InvokeAsync("SetMuted", c.SetId, true);
        Assert.That((await sam.Connection.InvokeAsync<RoomStateView>("ReleaseFloor", c.SetId)).Floor, Is.Null);
        Assert.ThrowsAsync<HubException>(() => sam.Connection.InvokeAsync("SetMuted", c.SetId, false));

        // The questions that follow are open to everyone.
        var questions = await faye.Connection.InvokeAsync<RoomStateView>("NextStep", c.SetId);
        Assert.That((questions.Phase, questions.AudioFloor), Is.EqualTo(("ClarifyingQuestions", "Open")));
        await sam.Connection.InvokeAsync("SetMuted", c.SetId, false);
        Assert.That(await AudioOfAsync(c, "sam"), Is.EqualTo(AudioStatus.On));
    }

    [Test]
    public async Task Signal_ReachesOnlyTheSessionItIsFor_AndBadSignalsAreRefused()
    {
        await using var c = await MeetingSoonAsync();
        await using var sam = await EnterAsync(c, "sam@example.org");
        await using var priya = await EnterAsync(c, "priya@example.org");
        var priyaId = await c.MemberIdAsync("priya");
        var samId = await c.MemberIdAsync("sam");

        var early = Assert.ThrowsAsync<HubException>(() => sam.Connection.InvokeAsync("Signal", c.SetId, priyaId, PriyaSession, "description", "{}"));
        Assert.That(early!.Message, Does.Contain("Join the audio first"));
        await priya.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, PriyaSession, false);
        var join = await sam.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, SamSession, false);
        Assert.That(join.Peers, Is.EqualTo(new[] { new AudioPeer(priyaId, PriyaSession) }));

        await sam.Connection.InvokeAsync("Signal", c.SetId, priyaId, PriyaSession, "description", """{"type":"offer","sdp":"v=0"}""");
        await WaitForAsync(() => priya.Heard.Any(h => h.StartsWith("signal")));
        Assert.That(priya.Heard.Single(h => h.StartsWith("signal")), Is.EqualTo($$"""signal {{samId}} {{SamSession}}→{{PriyaSession}} description {"type":"offer","sdp":"v=0"}"""));

        foreach (var (to, session, kind, payload, why) in new (long, string, string, string, string)[]
        {
            (priyaId, "old-session-0001", "description", "{}", "a session Priya no longer has"),
            (priyaId, PriyaSession, "bye", "{}", "an unknown kind"),
            (priyaId, PriyaSession, "candidate", new string('x', RoomHub.MaxSignalLength + 1), "too long"),
            (priyaId, PriyaSession, "candidate", "", "empty"),
            (priyaId, "bad session!", "candidate", "{}", "a malformed session"),
            (samId, SamSession, "candidate", "{}", "to himself"),
            (await c.MemberIdAsync("olly"), "olly-session-001", "candidate", "{}", "to someone outside the set"),
        })
        {
            Assert.ThrowsAsync<HubException>(() => sam.Connection.InvokeAsync("Signal", c.SetId, to, session, kind, payload), why);
        }
        await Task.Delay(200);
        Assert.That(priya.Heard.Count(h => h.StartsWith("signal")), Is.EqualTo(1), "nothing refused reached Priya");

        // Priya joins again (a reconnect): the old session is gone, the new one is what peers see.
        await priya.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, "priya-session-02", false);
        Assert.ThrowsAsync<HubException>(() => sam.Connection.InvokeAsync("Signal", c.SetId, priyaId, PriyaSession, "candidate", "{}"));
        await sam.Connection.InvokeAsync("Signal", c.SetId, priyaId, "priya-session-02", "candidate", "{}");

        // Leaving the audio ends it: no one can signal her.
        await priya.Connection.InvokeAsync("LeaveAudio", c.SetId);
        Assert.That(await AudioOfAsync(c, "priya"), Is.EqualTo(AudioStatus.Off));
        Assert.ThrowsAsync<HubException>(() => sam.Connection.InvokeAsync("Signal", c.SetId, priyaId, "priya-session-02", "candidate", "{}"));
    }

    [Test]
    public async Task OutsidersAndCoordinators_CannotJoinOrSignal_AndOnlyTheFacilitatorAsksToMute()
    {
        await using var c = await MeetingSoonAsync();
        await using var faye = await EnterAsync(c, "faye@example.org");
        await using var sam = await EnterAsync(c, "sam@example.org");
        await sam.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, SamSession, false);
        var samId = await c.MemberIdAsync("sam");

        var olly = await c.App.ConnectHubAsync(RoomHub.Path, await SignedInAsync(c, "olly@example.org"));
        await using var _ = olly;
        Assert.ThrowsAsync<HubException>(() => olly.InvokeAsync<JsonElement>("JoinRoom", c.SetId));
        foreach (var call in new Func<Task>[]
        {
            () => olly.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, "olly-session-001", false),
            () => olly.InvokeAsync("Signal", c.SetId, samId, SamSession, "candidate", "{}"),
            () => olly.InvokeAsync("AskToMute", c.SetId, samId),
            () => olly.InvokeAsync("SetMuted", c.SetId, true),
        })
        {
            var refused = Assert.ThrowsAsync<HubException>(() => call());
            Assert.That(refused!.Message, Does.EndWith(RoomHub.NotFound));
        }

        // Sam cannot ask the facilitator to mute; she can ask him, and only his audio hears it.
        await faye.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, FayeSession, false);
        var fayeId = await c.MemberIdAsync("faye");
        Assert.ThrowsAsync<HubException>(() => sam.Connection.InvokeAsync("AskToMute", c.SetId, fayeId));
        await faye.Connection.InvokeAsync("AskToMute", c.SetId, samId);
        await WaitForAsync(() => sam.Heard.Contains("asked to mute"));
        Assert.That(faye.Heard, Does.Not.Contain("asked to mute"));
        Assert.That(await AudioOfAsync(c, "sam"), Is.EqualTo(AudioStatus.On), "asking does not mute him");
    }

    [Test]
    public async Task JoiningInASecondWindow_MovesTheAudioThere()
    {
        await using var c = await MeetingSoonAsync();
        await using var first = await EnterAsync(c, "sam@example.org");
        await using var second = await EnterAsync(c, "sam@example.org");
        await first.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, SamSession, false);
        await second.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, "sam-session-0002", true);
        await WaitForAsync(() => first.Heard.Contains("audio moved"));
        Assert.That(second.Heard, Does.Not.Contain("audio moved"));
        Assert.That(await AudioOfAsync(c, "sam"), Is.EqualTo(AudioStatus.Muted), "the second window's audio, muted, is Sam's");
        // The first window's calls no longer speak for Sam's audio.
        Assert.ThrowsAsync<HubException>(() => first.Connection.InvokeAsync("SetMuted", c.SetId, false));
    }

    [Test]
    public async Task AFullAudio_RefusesTheNextPerson_WhoKeepsTheChat()
    {
        await using var c = await SetCommunity.CreateAsync(settings: new Dictionary<string, string?> { ["Sets:MaxOnAudio"] = "2" });
        await c.Sam.AcceptRulesAsync(c.SetId);
        await c.Priya.AcceptRulesAsync(c.SetId);
        await c.Facilitator.ScheduleSoonAsync(c.SetId);
        await using var faye = await EnterAsync(c, "faye@example.org");
        await using var sam = await EnterAsync(c, "sam@example.org");
        await using var priya = await EnterAsync(c, "priya@example.org");
        await faye.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, FayeSession, false);
        await sam.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, SamSession, false);

        var full = Assert.ThrowsAsync<HubException>(() => priya.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, PriyaSession, false));
        Assert.That(full!.Message, Does.Contain("The audio is full: up to 2 people can talk in one meeting"));
        Assert.That((await priya.Connection.InvokeAsync<MessageAck>("SendMessage", c.SetId, Guid.NewGuid().ToString(), "I'll write instead")).Seq, Is.GreaterThan(0));
        // Joining again from the same person is not one more.
        Assert.That((await sam.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, "sam-session-0002", false)).Peers, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task WithoutAnOpenMeeting_NobodyJoinsTheAudio()
    {
        await using var c = await SetCommunity.CreateAsync();
        await c.Sam.AcceptRulesAsync(c.SetId);
        await using var sam = await EnterAsync(c, "sam@example.org");
        var refused = Assert.ThrowsAsync<HubException>(() => sam.Connection.InvokeAsync<AudioJoin>("JoinAudio", c.SetId, SamSession, false));
        Assert.That(refused!.Message, Does.Contain("no meeting open"));
    }

    [Test]
    public async Task OnlyTheRoomPage_MayAskForTheMicrophoneAndCamera()
    {
        await using var c = await MeetingSoonAsync();
        foreach (var (path, media) in new[] { ($"/sets/{c.SetId}/room", "(self)"), ($"/sets/{c.SetId}", "()"), ($"/sets/{c.SetId}/room/messages", "()"), ("/forum", "()"), ("/", "()") })
        {
            var response = await c.Sam.GetAsync(path);
            var policy = string.Join(",", response.Headers.GetValues("Permissions-Policy"));
            Assert.That(policy, Does.Contain($"microphone={media}").And.Contain($"camera={media}").And.Contain("geolocation=()"), path);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
        Assert.That(condition(), Is.True, "timed out waiting for a message");
    }

    private static async Task<CookieContainer> SignedInAsync(SetCommunity c, string email)
    {
        var cookies = new CookieContainer();
        TestApp.AssertRedirect(await c.App.NewBrowser(cookies).SignInAsync(email, Journeys.Password), "/");
        return cookies;
    }
}
