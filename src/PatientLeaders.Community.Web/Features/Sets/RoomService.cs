using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// Runs room commands: one at a time per room, load → decide (MeetingFlow) → save → broadcast. Persist first,
/// then broadcast, so a browser never shows something the database does not have.
/// </summary>
public sealed class RoomService(
    SetStore sets,
    RoomStore store,
    RoomConnections connections,
    IHubContext<RoomHub, IRoomClient> hub,
    TimeProvider clock,
    IOptions<SetsOptions> options,
    ClusterBus bus,
    RoomPresenceBoard presence)
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> locks = new();

    public sealed record Outcome(RoomStateView? State, string? Error);

    public async Task<Outcome> ApplyAsync(SetAccess access, Func<MeetingState, FlowContext, FlowResult> command, CancellationToken ct)
    {
        var gate = locks.GetOrAdd(access.SetId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var set = await sets.FindAsync(access.SetId, ct);
                var meeting = await store.OpenMeetingAsync(access.SetId, ct);
                if (set is null || meeting is null)
                {
                    return new Outcome(null, "No meeting is scheduled for this set.");
                }
                var members = await sets.MembersAsync(access.SetId, ct);
                var ctx = await ContextAsync(access, set, meeting, members, ct);
                var result = command(meeting.State, ctx);
                if (!result.Succeeded)
                {
                    return new Outcome(null, result.Error);
                }
                if (result.State == meeting.State)
                {
                    return new Outcome(await ViewAsync(set, meeting, members, ct), null);
                }
                if (!await store.SaveAsync(meeting, result.State, set.KeepChat, ct))
                {
                    continue;
                }
                var saved = await store.OpenMeetingAsync(access.SetId, ct);
                var view = saved is not null && saved.Row.Id == meeting.Row.Id
                    ? await ViewAsync(set, saved, members, ct)
                    : await ViewAsync(set, new LoadedMeeting(meeting.Row with { Phase = result.State.Phase.ToString() }, result.State), members, ct);
                await hub.Clients.Group(RoomGroups.For(access.SetId)).StateChanged(view);
                if (result.State.Phase == MeetingPhase.Closed && !set.KeepChat)
                {
                    await hub.Clients.Group(RoomGroups.For(access.SetId)).ChatCleared();
                }
                return new Outcome(view, null);
            }
            return new Outcome(null, "The room was busy. Please try again.");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>When members may enter this meeting's room by themselves.</summary>
    public DateTimeOffset LobbyOpensAt(MeetingRow meeting) => meeting.StartsAt.AddMinutes(-options.Value.LobbyOpensMinutesBefore);

    /// <summary>The facilitator may always enter (to prepare, or to open the lobby early); everyone else once it is open.</summary>
    public bool MayEnter(SetAccess access, LoadedMeeting? meeting) =>
        access.IsFacilitator || meeting is null || MeetingFlow.LobbyIsOpen(meeting.State, LobbyOpensAt(meeting.Row), clock.GetUtcNow());

    /// <summary>
    /// A connection closed. When it was the facilitator's last one in a room, the time is noted; the room pauses
    /// only if they stay away longer than the grace period (<see cref="WatchFacilitatorsAsync"/>).
    /// </summary>
    public async Task DisconnectedAsync(string connectionId, CancellationToken ct)
    {
        foreach (var (setId, memberId, leftRoom, endedAudio) in connections.Disconnect(connectionId))
        {
            if (endedAudio is not null)
            {
                await hub.Clients.Group(RoomGroups.For(setId)).AudioLeft(memberId, endedAudio);
            }
            var set = await sets.FindAsync(setId, ct);
            if (leftRoom && set?.FacilitatorId == memberId)
            {
                await ApplyAsync(new SetAccess(setId, memberId, SetRole.Facilitator), MeetingFlow.FacilitatorLeft, ct);
            }
            await BroadcastPresenceAsync(setId, ct);
        }
    }

    /// <summary>
    /// Looks at every meeting under way: a facilitator with no connection is noted as gone (this is also how a
    /// restart is noticed, when nobody is connected yet), one gone longer than the grace period makes the room
    /// wait, and one who is connected again is marked back. One query when nothing needs doing.
    /// </summary>
    public async Task<int> WatchFacilitatorsAsync(CancellationToken ct)
    {
        var grace = TimeSpan.FromSeconds(options.Value.FacilitatorGraceSeconds);
        var now = clock.GetUtcNow();
        var changed = 0;
        foreach (var live in await store.LiveMeetingsAsync(ct))
        {
            if (live.FacilitatorId is not { } facilitatorId)
            {
                continue;
            }
            var state = RoomStore.ToState(live.State);
            var here = (await presence.PresentAsync(live.SetId)).ContainsKey(facilitatorId);
            Func<MeetingState, FlowContext, FlowResult>? command =
                here ? (state.FacilitatorAway || state.FacilitatorLeftAt is not null ? MeetingFlow.FacilitatorReturned : null)
                : state.FacilitatorLeftAt is null && !state.FacilitatorAway ? MeetingFlow.FacilitatorLeft
                : !state.FacilitatorAway && now >= state.FacilitatorLeftAt + grace ? (s, c) => MeetingFlow.FacilitatorOverdue(s, c, grace)
                : null;
            if (command is not null)
            {
                await ApplyAsync(new SetAccess(live.SetId, facilitatorId, SetRole.Facilitator), command, ct);
                changed++;
            }
        }
        return changed;
    }

    /// <summary>Re-sends the state after something outside MeetingFlow changed it (bids, actions).</summary>
    public async Task BroadcastStateAsync(long setId, CancellationToken ct)
    {
        if (await CurrentViewAsync(setId, ct) is { } view)
        {
            await hub.Clients.Group(RoomGroups.For(setId)).StateChanged(view);
        }
    }

    public async Task<RoomStateView?> CurrentViewAsync(long setId, CancellationToken ct)
    {
        var set = await sets.FindAsync(setId, ct);
        if (set is null)
        {
            return null;
        }
        var meeting = await store.OpenMeetingAsync(setId, ct);
        var members = await sets.MembersAsync(setId, ct);
        return await ViewAsync(set, meeting, members, ct);
    }

    public async Task BroadcastPresenceAsync(long setId, CancellationToken ct)
    {
        await presence.PublishAsync(setId);
        var at = PresenceStamp();
        var set = await sets.FindAsync(setId, ct);
        if (set is not null)
        {
            await hub.Clients.Group(RoomGroups.For(setId)).PresenceChanged(Presence(set, await sets.MembersAsync(setId, ct), await presence.PresentAsync(setId)), at);
        }
    }

    private static long lastPresenceStamp;

    /// <summary>
    /// When a reading of who is here begins, in microseconds since 1970 (exact in a JavaScript number). A join's
    /// answer and another member's broadcast can reach a page in either order; the page keeps the later reading.
    /// Wall-clock time orders readings taken on different servers; within one server, stamps only ever rise.
    /// </summary>
    public static long PresenceStamp()
    {
        var now = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        while (true)
        {
            var last = Interlocked.Read(ref lastPresenceStamp);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref lastPresenceStamp, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>How many people may be on one meeting's audio (<see cref="SetsOptions.MaxOnAudio"/>).</summary>
    public int MaxOnAudio => options.Value.MaxOnAudio;

    /// <summary>Everyone on the room's audio, on any server, with the session each page chose.</summary>
    public async Task<IReadOnlyList<AudioPeer>> AudioPeersAsync(long setId) =>
        (await presence.PresentAsync(setId)).Where(p => p.Value.AudioSession is not null && p.Value.Audio != AudioStatus.Off)
            .Select(p => new AudioPeer(p.Key, p.Value.AudioSession!)).ToList();

    public async Task<IReadOnlyList<PresenceView>> PresenceAsync(long setId, CancellationToken ct)
    {
        var set = await sets.FindAsync(setId, ct);
        return set is null ? [] : Presence(set, await sets.MembersAsync(setId, ct), await presence.PresentAsync(setId));
    }

    /// <summary>
    /// A member lost access: on every server (<see cref="RoomRevocations"/>), their connections leave the group at
    /// once and are told so. Their next hub call fails anyway, because every call checks membership again.
    /// </summary>
    public Task RevokeAsync(long setId, long memberId, CancellationToken ct) =>
        bus.PublishAsync(RoomRevocations.Name, RoomRevocations.Message(setId, memberId), ct);

    /// <summary>This server's part of <see cref="RevokeAsync"/>.</summary>
    public async Task RevokeHereAsync(long setId, long memberId, CancellationToken ct)
    {
        foreach (var connectionId in connections.RemoveMember(setId, memberId))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.For(setId), ct);
            await hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Audio(setId, memberId), ct);
            await hub.Clients.Client(connectionId).AccessRevoked(setId);
        }
        await hub.Clients.Group(RoomGroups.For(setId)).AudioLeft(memberId, null);
        await BroadcastPresenceAsync(setId, ct);
    }

    private async Task<FlowContext> ContextAsync(SetAccess access, SetView set, LoadedMeeting meeting, IReadOnlyList<SetMemberView> members, CancellationToken ct)
    {
        var present = await presence.PresentAsync(access.SetId);
        var presentMembers = members.Where(m => present.TryGetValue(m.MemberId, out var here) && !here.Away).Select(m => m.MemberId).ToList();
        var previous = await store.PreviousMeetingIdAsync(access.SetId, meeting.Row.Id, ct);
        var owners = previous is { } id ? (await store.ActionsOfMeetingAsync(id, ct)).Select(a => a.OwnerId).ToHashSet() : [];
        return new FlowContext
        {
            Now = clock.GetUtcNow(),
            ActorId = access.MemberId,
            ActorIsFacilitator = access.IsFacilitator,
            ActorIsMember = access.IsMember,
            Present = presentMembers,
            Members = members.Select(m => m.MemberId).ToList(),
            Quorum = set.Quorum,
            ActionOwners = presentMembers.Where(owners.Contains).ToList(),
            Bids = await store.BidsAsync(meeting.Row.Id, ct),
        };
    }

    private static IReadOnlyList<PresenceView> Presence(SetView set, IReadOnlyList<SetMemberView> members, IReadOnlyDictionary<long, MemberHere> present)
    {
        PresenceView Of(long id, string name, bool isFacilitator) => present.TryGetValue(id, out var here)
            ? new PresenceView(id, name, here.Away ? "away" : "here", isFacilitator, here.Audio)
            : new PresenceView(id, name, "absent", isFacilitator);
        var list = new List<PresenceView>();
        if (set.FacilitatorId is { } facilitatorId)
        {
            list.Add(Of(facilitatorId, set.FacilitatorName, true));
        }
        list.AddRange(members.Select(m => Of(m.MemberId, m.DisplayName, false)));
        return list;
    }

    private async Task<RoomStateView> ViewAsync(SetView set, LoadedMeeting? meeting, IReadOnlyList<SetMemberView> members, CancellationToken ct)
    {
        var names = members.ToDictionary(m => m.MemberId, m => m.DisplayName);
        if (set.FacilitatorId is { } f)
        {
            names[f] = set.FacilitatorName;
        }
        string Name(long id) => names.TryGetValue(id, out var name) ? name : "A former member";
        var present = await presence.PresentAsync(set.Id);
        var presentCount = members.Count(m => present.TryGetValue(m.MemberId, out var here) && !here.Away);
        if (meeting is null)
        {
            return new RoomStateView { SetId = set.Id, Phase = "None", PhaseLabel = "No meeting scheduled", FacilitatorId = set.FacilitatorId, Quorum = set.Quorum, PresentCount = presentCount };
        }
        var state = meeting.State;
        var now = clock.GetUtcNow();
        var previous = await store.PreviousMeetingIdAsync(set.Id, meeting.Row.Id, ct);
        return new RoomStateView
        {
            SetId = set.Id,
            MeetingId = meeting.Row.Id,
            StartsAt = meeting.Row.StartsAt,
            LobbyOpen = MeetingFlow.LobbyIsOpen(state, LobbyOpensAt(meeting.Row), now),
            LobbyOpensAt = LobbyOpensAt(meeting.Row),
            Phase = state.Phase.ToString(),
            PhaseLabel = MeetingPhases.Label(state.Phase),
            Version = meeting.Row.Version,
            FacilitatorId = set.FacilitatorId,
            Quorum = set.Quorum,
            PresentCount = presentCount,
            Speaker = state.Speaker is { } s ? new PersonView(s, Name(s)) : null,
            Presenter = state.Presenter is { } p ? new PersonView(p, Name(p)) : null,
            Round = state.Round.Select((id, i) => new RoundTurnView(id, Name(id), state.Passed.Contains(id), MeetingPhases.IsRound(state.Phase) && i == state.Turn)).ToList(),
            Presenters = state.Presenters.Select((slot, i) => new PresenterSlotView(slot.MemberId, Name(slot.MemberId), slot.Minutes, MeetingPhases.IsSlot(state.Phase) && i == state.PresenterIndex)).ToList(),
            AllocationProposed = state.AllocationProposed,
            Hands = state.Hands.Select(id => new PersonView(id, Name(id))).ToList(),
            AudioFloor = MeetingFlow.Floor(state).ToString(),
            Floor = state.Floor is { } floor ? new PersonView(floor, Name(floor)) : null,
            Bids = await store.BidsAsync(meeting.Row.Id, ct),
            Stopped = state.Stopped,
            OnBreak = state.OnBreak,
            BreakRequests = state.BreakRequests.Count,
            FacilitatorAway = state.FacilitatorAway,
            OffersWanted = state.OffersWanted,
            Timer = new TimerView(Math.Max(0, state.Timer.RemainingSeconds(now)), state.Timer.Seconds, state.Timer.IsRunning),
            Posting = MeetingFlow.Posting(state).ToString(),
            InputHint = Hint(state),
            ActionsToReview = previous is { } id ? await store.ActionsOfMeetingAsync(id, ct) : [],
            ActionsThisMeeting = await store.ActionsOfMeetingAsync(meeting.Row.Id, ct),
        };
    }

    private static string Hint(MeetingState state) => state.Phase switch
    {
        _ when state.OnBreak => "The set is on a break.",
        _ when state.Stopped => "The facilitator has stopped the set to talk about how it is going.",
        _ when state.FacilitatorAway => "Waiting for the facilitator, who has lost their connection. The timer is paused until they are back.",
        MeetingPhase.Lobby => "Say hello while everyone arrives. The meeting begins when the facilitator starts it.",
        MeetingPhase.Opening => "The facilitator is opening the meeting.",
        MeetingPhase.Presentation => "Only the presenter writes during their presentation. Listen, and raise your hand for later.",
        MeetingPhase.ClarifyingQuestions => "Ask questions that help you understand the facts.",
        MeetingPhase.OpenQuestions => "Ask open questions, not advice. For example: \"What would success look like to you?\"",
        MeetingPhase.Offers => "The presenter asked for offers: share a resource or experience, and let them choose.",
        MeetingPhase.ActionCommitment => "The presenter records their actions. Ask only clarifying questions.",
        _ when MeetingPhases.IsRound(state.Phase) => "One person at a time, in turn. Anyone may pass.",
        MeetingPhase.Closed => "The meeting has closed.",
        _ => "",
    };
}
