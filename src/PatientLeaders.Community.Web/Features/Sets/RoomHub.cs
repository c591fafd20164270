using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// A set's live room. Every method takes the set id and checks access again (RoomHubFilter has already checked
/// the session and the rate limits); a non-member gets the same error as a room that does not exist.
/// Refusals are said in the caller's language; the room's state goes to everyone in the room at
/// once, so it carries English keys (phase names, hints) that each page turns into its reader's words.
/// </summary>
[Authorize]
public sealed partial class RoomHub(SetStore sets, RoomStore store, RoomService rooms, RoomConnections connections, IStringLocalizer<SharedResource>? localizer = null,
    TurnCredentials? turn = null) : Hub<IRoomClient>
{
    public const string Path = "/hubs/room";
    public const string NotFound = "This room does not exist.";
    public const int MaxPresenters = 20;

    /// <summary>The site's resources, for a hub made without the container (a test calling it directly).</summary>
    private static readonly Lazy<IStringLocalizer> OwnResources = new(() => new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource)));

    private IStringLocalizer Words => localizer ?? OwnResources.Value;

    public async Task<RoomSnapshot> JoinRoom(long setId)
    {
        var access = await RequireAsync(setId, mustHaveJoined: false);
        var ct = Context.ConnectionAborted;
        if (await store.OpenMeetingAsync(setId, ct) is { } upcoming && !rooms.MayEnter(access, upcoming))
        {
            throw new HubException(Say(t => NotOpenYet(t, upcoming.Row)));
        }
        // Subscribe first; the client then fetches history after its last seen seq, so nothing falls in between.
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.For(setId), ct);
        var first = connections.Join(setId, access.MemberId, Context.ConnectionId, access);
        var view = await rooms.CurrentViewAsync(setId, ct);
        if (view?.MeetingId is { } meetingId && access.Participates)
        {
            await store.TouchAttendanceAsync(meetingId, access.MemberId, ct);
        }
        if (access.IsFacilitator && view is { Phase: not (nameof(MeetingPhase.Lobby) or nameof(MeetingPhase.Closed) or "None") })
        {
            // Back within the grace period: nothing had paused. Later: the room resumes.
            view = (await rooms.ApplyAsync(access, MeetingFlow.FacilitatorReturned, ct)).State ?? view;
        }
        if (first)
        {
            await rooms.BroadcastPresenceAsync(setId, ct);
        }
        var me = new RoomMe(access.MemberId, Context.User?.FindFirst(MemberClaims.DisplayName)?.Value ?? "", access.IsFacilitator, access.IsMember);
        view ??= await rooms.CurrentViewAsync(setId, ct);
        var presenceAt = RoomService.PresenceStamp();
        return new RoomSnapshot(view!, await rooms.PresenceAsync(setId, ct), me, Say(t => LateSummary(t, view!)), presenceAt);
    }

    /// <summary>
    /// The room page calls this every few minutes while it is connected, so a member who listens without writing
    /// through a long meeting is not signed out as idle: the hub filter's session check records the activity.
    /// </summary>
    public async Task KeepAlive(long setId) => await RequireAsync(setId, mustHaveJoined: false);

    public async Task LeaveRoom(long setId)
    {
        await RequireAsync(setId, mustHaveJoined: false);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.For(setId), Context.ConnectionAborted);
        if (connections.Leave(setId, Context.ConnectionId))
        {
            await rooms.BroadcastPresenceAsync(setId, Context.ConnectionAborted);
        }
    }

    public async Task<MessageAck> SendMessage(long setId, string clientMessageId, string text)
    {
        var access = await RequireAsync(setId);
        var ct = Context.ConnectionAborted;
        if (!Guid.TryParse(clientMessageId, out _) || clientMessageId.Length > 64)
        {
            throw new HubException(Say("The message had no valid id. Reload the page and try again."));
        }
        var body = (text ?? "").Trim();
        if (body.Length == 0)
        {
            throw new HubException(Say("Write a message first."));
        }
        if (body.Length > RoomStore.MaxMessageLength)
        {
            throw new HubException(Say(t => t["Messages can be up to {0} characters.", RoomStore.MaxMessageLength.ToString("N0", CultureInfo.CurrentCulture)].Value));
        }
        var meeting = await store.OpenMeetingAsync(setId, ct);
        if (meeting is null || !MeetingFlow.MayPost(meeting.State, access.MemberId, access.IsFacilitator, access.IsMember))
        {
            throw new HubException(Say(meeting is null ? "No meeting is open." : "It is not your turn to write in this part of the meeting."));
        }
        var (message, created) = await store.PostAsync(setId, meeting.Row.Id, access.MemberId, clientMessageId, body, ct);
        if (created)
        {
            await Clients.Group(RoomGroups.For(setId)).MessagePosted(message);
        }
        return new MessageAck(message.Seq, message.ClientMessageId);
    }

    public Task<RoomStateView> StartMeeting(long setId) => ApplyAsync(setId, MeetingFlow.Start);

    public Task<RoomStateView> NextStep(long setId) => ApplyAsync(setId, MeetingFlow.Next);

    public Task<RoomStateView> PassTurn(long setId) => ApplyAsync(setId, MeetingFlow.Pass);

    public Task<RoomStateView> StopSet(long setId) => ApplyAsync(setId, MeetingFlow.Stop);

    public Task<RoomStateView> ResumeSet(long setId) => ApplyAsync(setId, MeetingFlow.Resume);

    public Task<RoomStateView> ExtendTime(long setId, int minutes) => ApplyAsync(setId, (s, c) => MeetingFlow.Extend(s, c, minutes));

    public Task<RoomStateView> RequestBreak(long setId) => ApplyAsync(setId, MeetingFlow.RequestBreak);

    public Task<RoomStateView> StartBreak(long setId) => ApplyAsync(setId, MeetingFlow.StartBreak);

    public Task<RoomStateView> EndBreak(long setId) => ApplyAsync(setId, MeetingFlow.EndBreak);

    public Task<RoomStateView> RaiseHand(long setId) => ApplyAsync(setId, MeetingFlow.RaiseHand);

    public Task<RoomStateView> LowerHand(long setId) => ApplyAsync(setId, MeetingFlow.LowerHand);

    public Task<RoomStateView> ClearHand(long setId, long? memberId) => ApplyAsync(setId, (s, c) => MeetingFlow.ClearHand(s, c, memberId));

    public Task<RoomStateView> ChooseOffers(long setId, bool wanted) => ApplyAsync(setId, (s, c) => MeetingFlow.ChooseOffers(s, c, wanted));

    public Task<RoomStateView> OpenLobby(long setId) => ApplyAsync(setId, MeetingFlow.OpenLobby);

    /// <summary>The facilitator proposes (and reorders) who presents, for how long; every change is shown to the set at once.</summary>
    public Task<RoomStateView> ProposeOrder(long setId, List<PresenterSlot> slots) =>
        slots is null || slots.Count > MaxPresenters
            ? throw new HubException(Say(t => t["Propose up to {0} presenters.", MaxPresenters].Value))
            : ApplyAsync(setId, (s, c) => MeetingFlow.ProposeAllocation(s, c, slots));

    /// <summary>Stepping away is not leaving: the member stays in the room, shown as away, skipped in rounds.</summary>
    public async Task StepAway(long setId, bool away)
    {
        var access = await RequireAsync(setId);
        connections.SetAway(setId, access.MemberId, away);
        await rooms.BroadcastPresenceAsync(setId, Context.ConnectionAborted);
    }

    public async Task<RoomStateView> SubmitBid(long setId, int minutes, string? headline, bool noTime)
    {
        var access = await RequireAsync(setId);
        var ct = Context.ConnectionAborted;
        var meeting = await store.OpenMeetingAsync(setId, ct);
        if (!access.IsMember || meeting?.State.Phase != MeetingPhase.Bidding)
        {
            throw new HubException(Say("Members bid for time during the bidding phase."));
        }
        var line = (headline ?? "").Trim();
        if (!noTime && minutes is < 5 or > 90)
        {
            throw new HubException(Say("Bid between 5 and 90 minutes, or choose no time today."));
        }
        if (line.Length > 120)
        {
            throw new HubException(Say("Keep the headline to 120 characters."));
        }
        await store.SaveBidAsync(meeting.Row.Id, access.MemberId, minutes, line, noTime, ct);
        await rooms.BroadcastStateAsync(setId, ct);
        return (await rooms.CurrentViewAsync(setId, ct))!;
    }

    /// <summary>The presenter records their own actions, during their action commitment.</summary>
    public async Task<RoomStateView> AddAction(long setId, string text)
    {
        var access = await RequireAsync(setId);
        var ct = Context.ConnectionAborted;
        var meeting = await store.OpenMeetingAsync(setId, ct);
        if (meeting is null || meeting.State.Presenter != access.MemberId
            || meeting.State.Phase is not (MeetingPhase.ActionCommitment or MeetingPhase.Reflection))
        {
            throw new HubException(Say("Presenters record their actions during their action commitment."));
        }
        var line = (text ?? "").Trim();
        if (line.Length is 0 or > 500)
        {
            throw new HubException(Say("Write the action in up to 500 characters."));
        }
        await store.AddActionAsync(setId, meeting.Row.Id, access.MemberId, line, ct);
        await rooms.BroadcastStateAsync(setId, ct);
        return (await rooms.CurrentViewAsync(setId, ct))!;
    }

    /// <summary>The owner reports back on an action from the previous meeting.</summary>
    public async Task<RoomStateView> ReviewAction(long setId, long actionId, string status, string? note)
    {
        var access = await RequireAsync(setId);
        var ct = Context.ConnectionAborted;
        var meeting = await store.OpenMeetingAsync(setId, ct);
        if (meeting is null || !ActionStatuses.IsKnown(status) || (note ?? "").Length > 500)
        {
            throw new HubException(Say("Choose done, partly done, not done or changed, with an optional note of up to 500 characters."));
        }
        if (!await store.ReviewActionAsync(setId, meeting.Row.Id, access.MemberId, actionId, status, (note ?? "").Trim(), ct))
        {
            throw new HubException(Say("You can review only your own actions from an earlier meeting."));
        }
        await rooms.BroadcastStateAsync(setId, ct);
        return (await rooms.CurrentViewAsync(setId, ct))!;
    }

    /// <summary>The facilitator marks a message as advice rather than a question.</summary>
    public async Task FlagAdvice(long setId, long seq)
    {
        var access = await RequireAsync(setId);
        if (!access.IsFacilitator)
        {
            throw new HubException(Say("Only the facilitator can flag a message."));
        }
        if (await store.FlagAsync(setId, seq, Context.ConnectionAborted))
        {
            await Clients.Group(RoomGroups.For(setId)).MessageFlagged(seq);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await rooms.DisconnectedAsync(Context.ConnectionId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<RoomStateView> ApplyAsync(long setId, Func<MeetingState, FlowContext, FlowResult> command)
    {
        var access = await RequireAsync(setId);
        // The refusal is kept as MeetingFlow gave it, so it can be said in the caller's language with its numbers.
        FlowResult? refused = null;
        var outcome = await rooms.ApplyAsync(access, (state, ctx) =>
        {
            var result = command(state, ctx);
            refused = result.Succeeded ? null : result;
            return result;
        }, Context.ConnectionAborted);
        if (outcome.State is { } view)
        {
            return view;
        }
        var error = outcome.Error ?? "";
        throw new HubException(refused is { Say: { } say } && refused.Error == error ? Say(say) : Say(error));
    }

    /// <summary>
    /// The servers this member's audio may use, with TURN credentials that expire (<see cref="TurnCredentials"/>):
    /// only for someone admitted to the room, like every other call. Empty when no TURN server is set.
    /// </summary>
    public async Task<IceConfig> IceServers(long setId)
    {
        var access = await RequireAsync(setId);
        return turn?.For(access.MemberId) ?? new IceConfig([], null);
    }

    /// <summary>
    /// Membership: checked against the database when joining; afterwards the access given at join is used until
    /// the member is removed (RoomService.RevokeAsync takes the connection out of the room) or the session ends.
    /// </summary>
    private async Task<SetAccess> RequireAsync(long setId, bool mustHaveJoined = true)
    {
        if (mustHaveJoined)
        {
            return connections.AccessOf(setId, Context.ConnectionId) ?? throw new HubException(Say(NotFound));
        }
        var user = Context.User!;
        var access = await sets.AccessAsync(setId, user, Context.ConnectionAborted);
        if (!access.CanSeeContent || (mustHaveJoined && !connections.IsInRoom(setId, Context.ConnectionId)))
        {
            throw new HubException(Say(NotFound));
        }
        return access;
    }

    /// <summary>
    /// Words for the caller, in the language their connection was opened in (their saved language, the language
    /// switch's cookie or their browser's, as for any page), whatever thread the call runs on.
    /// </summary>
    private string Say(Func<IStringLocalizer, string> words)
    {
        var culture = Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        return SiteCultures.In(culture.Name, () => words(Words));
    }

    private string Say(string key) => Say(t => t[key].Value);

    /// <summary>Said by the hub to a member who arrives before the lobby opens (the page says the same).</summary>
    private string NotOpenYet(IStringLocalizer t, MeetingRow meeting)
    {
        var opensAt = rooms.LobbyOpensAt(meeting);
        return t.Plural((long)(meeting.StartsAt - opensAt).TotalMinutes, "The room opens at {1}, {0} minutes before the meeting starts.",
            MeetingTimes.Format(opensAt, meeting.TimeZone));
    }

    /// <summary>What a member joining a meeting under way hears first: where the set is, and how long this part has left.</summary>
    private static string LateSummary(IStringLocalizer t, RoomStateView view)
    {
        if (view.MeetingId is null || view.Phase is nameof(MeetingPhase.Lobby) or nameof(MeetingPhase.Closed) or "None")
        {
            return "";
        }
        var minutes = (int)Math.Ceiling(view.Timer.RemainingSeconds / 60.0);
        var phase = t[view.PhaseLabel].Value;
        var where = view.Presenter is { } p ? t.Plural(minutes, "You joined during {1}, {2} presenting; about {0} minutes left in this part.", phase, p.Name)
            : view.Speaker is { } s ? t.Plural(minutes, "You joined during {1}, {2} speaking; about {0} minutes left in this part.", phase, s.Name)
            : t.Plural(minutes, "You joined during {1}; about {0} minutes left in this part.", phase);
        var paused = view.OnBreak ? t["The set is on a break."].Value
            : view.Stopped ? t["The facilitator has stopped the set."].Value
            : view.FacilitatorAway ? t["The set is waiting for the facilitator."].Value : "";
        return paused.Length > 0 ? where + " " + paused : where;
    }
}
