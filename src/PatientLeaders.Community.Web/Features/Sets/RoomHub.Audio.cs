using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// The room's audio: a full mesh of WebRTC peers between the pages on audio, signalled through this hub. Every
/// method is a room call like the others: the caller must have joined the room, and only the set's members and
/// facilitator talk. Who may speak follows the meeting's phase (<see cref="RoomFloor"/>); the site allows or asks,
/// and never unmutes anyone.
/// </summary>
public sealed partial class RoomHub
{
    /// <summary>A session description with audio and video is a few kilobytes; ICE candidates are sent one by one.</summary>
    public const int MaxSignalLength = 16 * 1024;

    public static readonly IReadOnlyList<string> SignalKinds = ["description", "candidate"];

    /// <summary>
    /// This page joins the audio under a session it chose (a new one after every reconnect, so peers rebuild their
    /// connections to it). It starts muted when asked, and whenever this part of the meeting does not let it speak.
    /// </summary>
    public async Task<AudioJoin> JoinAudio(long setId, string session, bool muted)
    {
        var access = await RequireTalkerAsync(setId);
        if (!IsSession(session))
        {
            throw new HubException(Say(SignalRefused));
        }
        var view = await rooms.CurrentViewAsync(setId, Context.ConnectionAborted);
        if (view is null || view.AudioFloor == nameof(AudioFloor.Closed))
        {
            throw new HubException(Say("There is no meeting open to talk in."));
        }
        var peers = (await rooms.AudioPeersAsync(setId)).Where(p => p.MemberId != access.MemberId).ToList();
        var most = rooms.MaxOnAudio;
        if (peers.Count >= most)
        {
            throw new HubException(Say(t => t.Plural(most, "The audio is full: up to {0} people can talk in one meeting. You can still take part in the chat.")));
        }
        muted = muted || !RoomFloor.MaySpeak(view, access.MemberId);
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.Audio(setId, access.MemberId), Context.ConnectionAborted);
        connections.JoinAudio(setId, access.MemberId, Context.ConnectionId, session, muted);
        await Clients.OthersInGroup(RoomGroups.For(setId)).AudioJoined(access.MemberId, session);
        // The member's audio in another window (on this server or another) hands over to this one.
        await Clients.GroupExcept(RoomGroups.Audio(setId, access.MemberId), Context.ConnectionId).AudioMoved(setId);
        await rooms.BroadcastPresenceAsync(setId, Context.ConnectionAborted);
        return new AudioJoin(peers, muted, turn?.For(access.MemberId) ?? new IceConfig([], null));
    }

    public async Task LeaveAudio(long setId)
    {
        var access = await RequireAsync(setId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.Audio(setId, access.MemberId), Context.ConnectionAborted);
        if (connections.LeaveAudio(setId, Context.ConnectionId) is { } ended)
        {
            await Clients.Group(RoomGroups.For(setId)).AudioLeft(access.MemberId, ended);
            await rooms.BroadcastPresenceAsync(setId, Context.ConnectionAborted);
        }
    }

    /// <summary>Muting is always allowed; unmuting only when this part of the meeting lets the member speak.</summary>
    public async Task SetMuted(long setId, bool muted)
    {
        var access = await RequireAsync(setId);
        if (!muted && !RoomFloor.MaySpeak((await rooms.CurrentViewAsync(setId, Context.ConnectionAborted))!, access.MemberId))
        {
            throw new HubException(Say(NotYourFloor));
        }
        if (!connections.SetMuted(setId, Context.ConnectionId, muted))
        {
            throw new HubException(Say(JoinAudioFirst));
        }
        await rooms.BroadcastPresenceAsync(setId, Context.ConnectionAborted);
    }

    /// <summary>
    /// Passes a session description or ICE candidate to another member's audio. Both ends are admitted: the caller's
    /// connection carries its audio in this room, and the other member is on the room's audio now with that session
    /// (their group holds only connections that joined through <see cref="JoinAudio"/>, and leaves when they lose
    /// access). Payloads are bounded; one candidate per call.
    /// </summary>
    public async Task Signal(long setId, long toMemberId, string toSession, string kind, string payload)
    {
        var access = await RequireAsync(setId);
        var mine = connections.AudioSessionOf(setId, Context.ConnectionId) ?? throw new HubException(Say(JoinAudioFirst));
        if (toMemberId == access.MemberId || !IsSession(toSession) || !SignalKinds.Contains(kind) || string.IsNullOrEmpty(payload) || payload.Length > MaxSignalLength)
        {
            throw new HubException(Say(SignalRefused));
        }
        if (!(await rooms.AudioPeersAsync(setId)).Contains(new AudioPeer(toMemberId, toSession)))
        {
            throw new HubException(Say("That person is no longer on the audio."));
        }
        await Clients.Group(RoomGroups.Audio(setId, toMemberId)).Signal(access.MemberId, mine, toSession, kind, payload);
    }

    /// <summary>The facilitator asks a member to mute: the member's page says so and offers the button. It does not mute them.</summary>
    public async Task AskToMute(long setId, long memberId)
    {
        var access = await RequireAsync(setId);
        if (!access.IsFacilitator)
        {
            throw new HubException(Say("Only the facilitator can ask someone to mute."));
        }
        if (!(await rooms.AudioPeersAsync(setId)).Any(p => p.MemberId == memberId && p.MemberId != access.MemberId))
        {
            throw new HubException(Say("That person is no longer on the audio."));
        }
        await Clients.Group(RoomGroups.Audio(setId, memberId)).AskedToMute(setId);
    }

    /// <summary>The member with the floor has finished speaking, or the facilitator ends their turn.</summary>
    public Task<RoomStateView> ReleaseFloor(long setId) => ApplyAsync(setId, MeetingFlow.ReleaseFloor);

    private const string JoinAudioFirst = "Join the audio first.";
    private const string SignalRefused = "That audio message was refused. Leave the audio and join it again.";
    private const string NotYourFloor = "During the presentation only the presenter speaks. Raise your hand: the facilitator can give you the floor.";

    private async Task<SetAccess> RequireTalkerAsync(long setId)
    {
        var access = await RequireAsync(setId);
        return access.Participates ? access : throw new HubException(Say("Only the set's members and its facilitator can join the audio."));
    }

    private static bool IsSession(string? session) => session is { Length: >= 8 and <= 64 } && SessionPattern().IsMatch(session);

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex SessionPattern();
}
