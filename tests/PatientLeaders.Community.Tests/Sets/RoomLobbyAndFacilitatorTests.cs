using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>
/// When the lobby opens, and what a facilitator's dropped connection does, on a FakeClock. The hub is the real
/// RoomHub class, called with a caller context of its own (the JavaScript client is exercised by the browser tests).
/// </summary>
public sealed class RoomLobbyAndFacilitatorTests
{
    private static readonly DateTimeOffset MeetingStart = new(2030, 1, 14, 11, 0, 0, TimeSpan.Zero);

    private sealed class Caller(ClaimsPrincipal user, string connectionId) : HubCallerContext
    {
        public override string ConnectionId => connectionId;
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal User => user;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }

    /// <summary>The room hub as one connection of one member sees it.</summary>
    private static RoomHub Connect(TestApp app, long memberId, string connectionId)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, memberId.ToString(CultureInfo.InvariantCulture)), new Claim(MemberClaims.DisplayName, "Someone")], "test"));
        return new RoomHub(app.Service<SetStore>(), app.Service<RoomStore>(), app.Service<RoomService>(), app.Service<RoomConnections>())
        {
            Context = new Caller(user, connectionId),
            Groups = app.Service<IHubContext<RoomHub, IRoomClient>>().Groups,
        };
    }

    private static async Task<(SetCommunity C, FakeClock Clock, long Faye, long Sam, long Priya)> MeetingAsync(string zone = "UTC")
    {
        var clock = new FakeClock();
        var c = await SetCommunity.CreateAsync(clock);
        var local = TimeZoneInfo.ConvertTime(MeetingStart, TimeZoneInfo.FindSystemTimeZoneById(zone));
        TestApp.AssertRedirect(await c.Facilitator.ScheduleAsync(c.SetId, DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime), zone), $"/sets/{c.SetId}");
        await c.Sam.AcceptRulesAsync(c.SetId);
        return (c, clock, await c.MemberIdAsync("faye"), await c.MemberIdAsync("sam"), await c.MemberIdAsync("priya"));
    }

    private static Task<RoomStateView?> ViewAsync(SetCommunity c) => c.App.Service<RoomService>().CurrentViewAsync(c.SetId, CancellationToken.None);

    [Test]
    public async Task Room_BeforeTheLobbyOpens_SaysWhenItOpens_HubRefusesMembers_FacilitatorEntersAndMayOpenItEarly()
    {
        var (c, clock, faye, sam, priya) = await MeetingAsync("Europe/Paris");
        await using var _ = c;

        var page = await c.Sam.GetPageAsync($"/sets/{c.SetId}/room");
        var opens = page.QuerySelector(".room-not-open time[data-local-time]")!;
        Assert.That(opens.GetAttribute("datetime"), Is.EqualTo("2030-01-14T10:50:00Z"), "ten minutes before, for site.js to show in the reader's zone");
        Assert.That(opens.TextContent, Is.EqualTo("Monday 14 January 2030, 11:50 (Europe/Paris)"), "without JavaScript: the set's zone, named");
        Assert.That(page.Text("main"), Does.Contain("10 minutes before the meeting starts"));
        Assert.That(page.QuerySelector("#room"), Is.Null);
        Assert.That(page.QuerySelectorAll("script[src*='room.js']"), Is.Empty);

        clock.SetUtcNow(MeetingStart.AddMinutes(-10).AddSeconds(-1));
        var refused = Assert.ThrowsAsync<HubException>(() => Connect(c.App, sam, "s1").JoinRoom(c.SetId));
        Assert.That(refused!.Message, Does.StartWith("The room opens at Monday 14 January 2030, 11:50"));
        Assert.That(c.App.Service<RoomConnections>().IsInRoom(c.SetId, "s1"), Is.False, "not added to the room");
        Assert.ThrowsAsync<HubException>(() => Connect(c.App, sam, "s1").RaiseHand(c.SetId));

        var facilitator = Connect(c.App, faye, "f1");
        var snapshot = await facilitator.JoinRoom(c.SetId);
        Assert.That((snapshot.State.Phase, snapshot.State.LobbyOpen), Is.EqualTo(("Lobby", false)), "the facilitator may come in to prepare");
        var fayePage = await c.Facilitator.GetPageAsync($"/sets/{c.SetId}/room");
        Assert.That(fayePage.QuerySelector("#room [data-call=OpenLobby]"), Is.Not.Null);
        Assert.ThrowsAsync<HubException>(() => Connect(c.App, priya, "p1").OpenLobby(c.SetId), "a member who has not joined cannot open it");

        Assert.That((await facilitator.OpenLobby(c.SetId)).LobbyOpen, Is.True);
        Assert.That((await Connect(c.App, sam, "s1").JoinRoom(c.SetId)).State.Phase, Is.EqualTo("Lobby"));
        Assert.That((await c.Sam.GetPageAsync($"/sets/{c.SetId}/room")).QuerySelector("#room #chat-log"), Is.Not.Null);
    }

    [Test]
    public async Task Lobby_OpensByItselfAtTheLeadTime()
    {
        var (c, clock, _, sam, _) = await MeetingAsync();
        await using var _c = c;
        clock.SetUtcNow(MeetingStart.AddMinutes(-11));
        Assert.ThrowsAsync<HubException>(() => Connect(c.App, sam, "s1").JoinRoom(c.SetId));
        Assert.That((await ViewAsync(c))!.LobbyOpen, Is.False);

        clock.SetUtcNow(MeetingStart.AddMinutes(-10));
        Assert.That((await Connect(c.App, sam, "s1").JoinRoom(c.SetId)).State.LobbyOpen, Is.True);
        Assert.That((await c.Sam.GetPageAsync($"/sets/{c.SetId}/room")).QuerySelector("#room"), Is.Not.Null);
    }

    private sealed record Started(SetCommunity C, FakeClock Clock, long Faye, RoomHub Facilitator) : IAsyncDisposable
    {
        public RoomService Rooms => C.App.Service<RoomService>();

        public ValueTask DisposeAsync() => C.DisposeAsync();
    }

    /// <summary>Faye, Sam and Priya in the room at 10:55; the meeting started: Opening, a 180-second timer.</summary>
    private static async Task<Started> StartedAsync()
    {
        var (c, clock, faye, sam, priya) = await MeetingAsync();
        clock.SetUtcNow(MeetingStart.AddMinutes(-5));
        var facilitator = Connect(c.App, faye, "f1");
        await facilitator.JoinRoom(c.SetId);
        await Connect(c.App, sam, "s1").JoinRoom(c.SetId);
        await Connect(c.App, priya, "p1").JoinRoom(c.SetId);
        var opening = await facilitator.StartMeeting(c.SetId);
        Assert.That((opening.Phase, opening.Timer.RemainingSeconds, opening.Timer.Running), Is.EqualTo(("Opening", 180, true)));
        return new Started(c, clock, faye, facilitator);
    }

    [Test]
    public async Task FacilitatorBlip_ShorterThanTheGrace_NeverPausesTheRoom()
    {
        await using var started = await StartedAsync();
        var (c, clock, faye, facilitator) = started;
        var rooms = started.Rooms;

        await facilitator.OnDisconnectedAsync(null);
        clock.Advance(TimeSpan.FromSeconds(29));
        await rooms.WatchFacilitatorsAsync(CancellationToken.None);
        var during = (await ViewAsync(c))!;
        Assert.That((during.FacilitatorAway, during.Timer.Running, during.Timer.RemainingSeconds), Is.EqualTo((false, true, 151)), "the set carries on");

        await Connect(c.App, faye, "f2").JoinRoom(c.SetId);
        clock.Advance(TimeSpan.FromSeconds(60));
        await rooms.WatchFacilitatorsAsync(CancellationToken.None);
        var after = (await ViewAsync(c))!;
        Assert.That((after.FacilitatorAway, after.Timer.Running, after.Timer.RemainingSeconds), Is.EqualTo((false, true, 91)), "nothing was paused");
    }

    [Test]
    public async Task FacilitatorGoneLongerThanTheGrace_RoomWaits_FromTheEndOfTheGrace_AndResumesWithoutCountingTheWait()
    {
        await using var started = await StartedAsync();
        var (c, clock, faye, facilitator) = started;
        var rooms = started.Rooms;

        clock.Advance(TimeSpan.FromSeconds(20));
        await facilitator.OnDisconnectedAsync(null);
        clock.Advance(TimeSpan.FromSeconds(75)); // the watch runs late: the pause still starts when the grace ended
        Assert.That(await rooms.WatchFacilitatorsAsync(CancellationToken.None), Is.EqualTo(1));
        var waiting = (await ViewAsync(c))!;
        Assert.That((waiting.FacilitatorAway, waiting.Timer.Running, waiting.Timer.RemainingSeconds), Is.EqualTo((true, false, 180 - 20 - 30)));
        Assert.That(waiting.InputHint, Does.StartWith("Waiting for the facilitator"));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await rooms.WatchFacilitatorsAsync(CancellationToken.None), Is.EqualTo(0), "nothing more to do while they are away");
        Assert.That((await ViewAsync(c))!.Timer.RemainingSeconds, Is.EqualTo(130));

        var back = (await Connect(c.App, faye, "f2").JoinRoom(c.SetId)).State;
        Assert.That((back.FacilitatorAway, back.Timer.Running, back.Timer.RemainingSeconds), Is.EqualTo((false, true, 130)));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That((await ViewAsync(c))!.Timer.RemainingSeconds, Is.EqualTo(120));
    }

    [Test]
    public async Task FacilitatorAbsence_SurvivesARestart_AndARestartAloneIsNoticed()
    {
        await using var started = await StartedAsync();
        var (c, clock, faye, facilitator) = started;
        await facilitator.OnDisconnectedAsync(null);

        // The server restarts on the same database: nothing of the first one's memory survives.
        await using var second = await RestartAsync(c, clock);
        clock.Advance(TimeSpan.FromSeconds(31));
        await second.Service<RoomService>().WatchFacilitatorsAsync(CancellationToken.None);
        var waiting = (await second.Service<RoomService>().CurrentViewAsync(c.SetId, CancellationToken.None))!;
        Assert.That((waiting.FacilitatorAway, waiting.Timer.RemainingSeconds), Is.EqualTo((true, 150)), "the time she left was kept");

        await Connect(second, faye, "f2").JoinRoom(c.SetId);
        // A restart while she is connected: the new server first notes her missing, then waits the grace out.
        await using var third = await RestartAsync(c, clock);
        var watch = third.Service<RoomService>();
        Assert.That(await watch.WatchFacilitatorsAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That((await watch.CurrentViewAsync(c.SetId, CancellationToken.None))!.Timer.Running, Is.True);
        clock.Advance(TimeSpan.FromSeconds(30));
        await watch.WatchFacilitatorsAsync(CancellationToken.None);
        var after = (await watch.CurrentViewAsync(c.SetId, CancellationToken.None))!;
        Assert.That((after.FacilitatorAway, after.Timer.RemainingSeconds), Is.EqualTo((true, 120)));
    }

    private static async Task<TestApp> RestartAsync(SetCommunity c, FakeClock clock)
    {
        var app = await TestApp.CreateAsync(clock, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Community"] = c.App.Database.ConnectionString,
            ["Sets:FacilitatorWatchSeconds"] = "300",
        });
        _ = app.Services;
        return app;
    }
}
