using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Sets;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Localization;

public sealed partial class PseudoLocaleTests
{
    /// <summary>
    /// A set's room in every state its page can show (no meeting, not open yet, ground rules to accept, the lobby with
    /// chat, a round, a break, a stop, a presentation), the words the page hands room.js, the hub's refusals and the
    /// late joiner's summary, the invitation email, and both meeting summaries (held, and not started) with their
    /// Markdown file.
    /// </summary>
    [Test]
    public async Task RoomPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync(overrides: new Dictionary<string, string?>
        {
            ["RateLimits:RegistrationPerTenMinutes"] = "1000",
            ["RateLimits:SignInPerFiveMinutes"] = "1000",
            ["RateLimits:InvitationsPerHour"] = "1000",
            // The test moves the meeting itself; the facilitator watch stays out of the way.
            ["Sets:FacilitatorWatchSeconds"] = "300",
        });
        var admin = await app.SetUpAdminAsync();
        var faye = await app.InviteMemberAsync(admin, "faye@example.org", "faye", Roles.Facilitator);
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var priya = await app.InviteMemberAsync(admin, "priya@example.org", "priya");
        var setId = await faye.CreateSetAsync("Stroke leaders", "faye", "sam, priya", quorum: 2);
        var quietSetId = await faye.CreateSetAsync("Quiet set", "faye", "sam", quorum: 1);
        const string idOf = "SELECT Id FROM Members WHERE Handle = @handle";
        var fayeId = await app.ScalarAsync<long>(idOf, new { handle = "faye" });
        var samId = await app.ScalarAsync<long>(idOf, new { handle = "sam" });
        var priyaId = await app.ScalarAsync<long>(idOf, new { handle = "priya" });
        // Names, the sets' own words and what members typed are theirs, never the site's.
        string[] own = ["Stroke leaders", "Learning together about Stroke leaders", "Quiet set", "Learning together about Quiet set", "Member faye",
            "Member sam", "Member priya", "Alex Admin", "Morning words", "Ward words", "Note words", "Headline words"];

        async Task Check(HttpClient browser, string url, string state)
        {
            var response = await browser.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{url} ({state})");
            var page = await Forms.ParseAsync(response);
            AssertAllPseudo(page, "main", $"{url} ({state})", own);
            if (page.QuerySelector("#room") is { } room)
            {
                AssertRoomScriptWordsArePseudo(room, $"{url} ({state})");
            }
        }

        // No meeting yet: the facilitator's room, and a member who has not yet agreed to the ground rules.
        await Check(faye, $"/sets/{quietSetId}/room", "no meeting scheduled, facilitator");
        await Check(sam, $"/sets/{quietSetId}/room", "ground rules to accept");

        // A meeting in three days: the room is not open yet, and the invitation went out in the resources' words.
        TestApp.AssertRedirect(await faye.ScheduleAsync(setId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)), new TimeOnly(10, 0)), $"/sets/{setId}");
        var later = (await app.Service<RoomStore>().OpenMeetingAsync(setId, CancellationToken.None))!.Row.Id;
        await Check(sam, $"/sets/{setId}/room", "not open yet");
        var invitation = await app.LastMailToAsync("sam@example.org");
        AssertRoomTextAllPseudo(invitation.Subject + "\n" + invitation.TextBody, "the invitation email", own);

        // A meeting in a few minutes: its lobby is open.
        await faye.ScheduleSoonAsync(setId);
        await sam.AcceptRulesAsync(setId);
        var store = app.Service<RoomStore>();
        var rooms = app.Service<RoomService>();
        var connections = app.Service<RoomConnections>();
        var meeting = (await store.OpenMeetingAsync(setId, CancellationToken.None))!.Row.Id;
        Assert.That(meeting, Is.Not.EqualTo(later), "the meeting in a few minutes comes first");
        await Check(priya, $"/sets/{setId}/room", "ground rules to accept before the lobby");
        await priya.AcceptRulesAsync(setId);
        var (posted, _) = await store.PostAsync(setId, meeting, samId, Guid.NewGuid().ToString(), "Morning words", CancellationToken.None);
        await store.FlagAsync(setId, posted.Seq, CancellationToken.None);
        await Check(sam, $"/sets/{setId}/room", "lobby with chat, member");
        await Check(faye, $"/sets/{setId}/room", "lobby, facilitator");

        // The hub says its refusals in the resources' words.
        var samHub = RoomHubFor(app, samId, "s-hub");
        await samHub.JoinRoom(setId);
        var refused = Assert.ThrowsAsync<HubException>(() => samHub.StartMeeting(setId));
        Assert.That(refused!.Message, Does.StartWith("［"), "a refusal from the meeting's rules");
        refused = Assert.ThrowsAsync<HubException>(() => samHub.SendMessage(setId, "not an id", "hello"));
        Assert.That(refused!.Message, Does.StartWith("［"), "a refusal from the hub itself");
        await samHub.LeaveRoom(setId);

        // The meeting under way, moved on as the hub would.
        var facilitator = new SetAccess(setId, fayeId, SetRole.Facilitator);
        async Task Do(Func<MeetingState, FlowContext, FlowResult> command)
        {
            var outcome = await rooms.ApplyAsync(facilitator, command, CancellationToken.None);
            Assert.That(outcome.Error, Is.Null);
        }
        connections.Join(setId, fayeId, "f1");
        connections.Join(setId, samId, "s1");
        connections.Join(setId, priyaId, "p1");
        await store.TouchAttendanceAsync(meeting, samId, CancellationToken.None);
        await store.TouchAttendanceAsync(meeting, priyaId, CancellationToken.None);
        await Do(MeetingFlow.Start);
        await Do(MeetingFlow.Next);
        await Check(sam, $"/sets/{setId}/room", "check-in round, member");
        await Check(faye, $"/sets/{setId}/room", "check-in round, facilitator");
        var late = await RoomHubFor(app, priyaId, "p-hub").JoinRoom(setId);
        Assert.That(late.LateSummary, Does.StartWith("［"), "what a member joining late hears");
        await Do(MeetingFlow.StartBreak);
        await Check(sam, $"/sets/{setId}/room", "on a break");
        await Do(MeetingFlow.EndBreak);
        await Do(MeetingFlow.Stop);
        await Check(sam, $"/sets/{setId}/room", "stopped by the facilitator");
        await Do(MeetingFlow.Resume);
        await Do(MeetingFlow.Next);
        await Do(MeetingFlow.Next);
        Assert.That((await rooms.CurrentViewAsync(setId, CancellationToken.None))!.Phase, Is.EqualTo(nameof(MeetingPhase.Bidding)));
        await store.SaveBidAsync(meeting, samId, 20, "Headline words", false, CancellationToken.None);
        await store.SaveBidAsync(meeting, priyaId, 0, "", true, CancellationToken.None);
        await Check(faye, $"/sets/{setId}/room", "bids, facilitator");
        await Do((s, ctx) => MeetingFlow.ProposeAllocation(s, ctx, [new PresenterSlot(samId, 20)]));
        await Do(MeetingFlow.Next);
        await Check(priya, $"/sets/{setId}/room", "presentation");
        for (var i = 0; i < 3; i++)
        {
            await Do(MeetingFlow.Next);
        }
        await store.AddActionAsync(setId, meeting, samId, "Ward words", CancellationToken.None);
        await Check(sam, $"/sets/{setId}/room", "action commitment, presenter");
        while ((await rooms.CurrentViewAsync(setId, CancellationToken.None))!.MeetingId == meeting)
        {
            await Do(MeetingFlow.Next);
        }

        // The next meeting is days away again; Sam reports back on his action before it.
        var actionId = await app.ScalarAsync<long>("SELECT Id FROM SetActions WHERE OwnerId = @samId", new { samId });
        Assert.That(await store.ReviewActionAsync(setId, later, samId, actionId, ActionStatuses.Partly, "Note words", CancellationToken.None), Is.True);
        var tooEarly = Assert.ThrowsAsync<HubException>(() => RoomHubFor(app, samId, "s-hub-2").JoinRoom(setId));
        Assert.That(tooEarly!.Message, Does.StartWith("［"), "the hub's word that the room is not open yet");

        // Both summaries: the meeting held, and the one not started yet; and the held one as Markdown.
        await Check(sam, $"/sets/{setId}/meetings/{meeting}/summary", "summary of a meeting held");
        await Check(sam, $"/sets/{setId}/meetings/{later}/summary", "summary of a meeting not started");
        var markdown = await sam.GetAsync($"/sets/{setId}/meetings/{meeting}/summary.md");
        Assert.That((int)markdown.StatusCode, Is.EqualTo(200), "summary.md");
        AssertRoomTextAllPseudo(await markdown.Content.ReadAsStringAsync(), "summary.md", own);
        var notStarted = await sam.GetAsync($"/sets/{setId}/meetings/{later}/summary.md");
        AssertRoomTextAllPseudo(await notStarted.Content.ReadAsStringAsync(), "summary.md of a meeting not started", own);
    }

    /// <summary>The words the room page gives room.js (data-words and the rest): every one from the resources.</summary>
    private static void AssertRoomScriptWordsArePseudo(IElement room, string url)
    {
        foreach (var attribute in new[] { "data-words", "data-phases", "data-hints", "data-statuses" })
        {
            var words = JsonSerializer.Deserialize<Dictionary<string, string>>(room.GetAttribute(attribute) ?? "")!;
            Assert.That(words, Is.Not.Empty, $"{url}: {attribute}");
            Assert.That(words.Where(w => !w.Value.StartsWith('［')).Select(w => w.Key), Is.Empty, $"{url}: {attribute} outside the resources");
        }
        var plurals = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(room.GetAttribute("data-plurals") ?? "")!;
        Assert.That(plurals, Is.Not.Empty, $"{url}: data-plurals");
        Assert.That(plurals.Where(p => p.Value.Count == 0 || p.Value.Values.Any(form => !form.StartsWith('［'))).Select(p => p.Key), Is.Empty,
            $"{url}: data-plurals outside the resources");
    }

    /// <summary>Plain text (an email, a Markdown file) with nothing left over once the resources' words and the members' own are set aside.</summary>
    private static void AssertRoomTextAllPseudo(string text, string what, string[] userContent)
    {
        var all = text;
        foreach (var words in userContent.OrderByDescending(w => w.Length))
        {
            all = all.Replace(words, " ", StringComparison.Ordinal);
        }
        var leftover = Leftover().Replace(Pseudo().Replace(all, " "), " ").Trim();
        Assert.That(leftover, Does.Not.Match("[A-Za-z]{2,}"), $"{what}: English outside the resources: {leftover}");
    }

    /// <summary>The room hub as one connection of one member sees it, made by the container (so with the site's localizer).</summary>
    private static RoomHub RoomHubFor(TestApp app, long memberId, string connectionId)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, memberId.ToString(CultureInfo.InvariantCulture)), new Claim(MemberClaims.DisplayName, "Someone")], "test"));
        var hub = ActivatorUtilities.CreateInstance<RoomHub>(app.Services);
        hub.Context = new RoomCaller(user, connectionId);
        hub.Groups = app.Service<IHubContext<RoomHub, IRoomClient>>().Groups;
        return hub;
    }

    private sealed class RoomCaller(ClaimsPrincipal user, string connectionId) : HubCallerContext
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
}
