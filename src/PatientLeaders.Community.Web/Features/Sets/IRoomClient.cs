namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>What the server tells browsers in a set's room. Past tense: each reports something that happened.</summary>
public interface IRoomClient
{
    Task StateChanged(RoomStateView state);

    Task MessagePosted(RoomMessageView message);

    Task MessageFlagged(long seq);

    /// <summary>
    /// Who is here, read at <paramref name="at"/> (microseconds since 1970): a page keeps the newest it has seen,
    /// whatever order they arrive in.
    /// </summary>
    Task PresenceChanged(IReadOnlyList<PresenceView> presence, long at);

    /// <summary>The meeting closed and its chat was deleted, as the set agreed.</summary>
    Task ChatCleared();

    /// <summary>This member was removed from the set: the room is gone for them.</summary>
    Task AccessRevoked(long setId);

    /// <summary>
    /// WebRTC signalling from another member's audio (<see cref="RoomHub.Signal"/>): a session description or an ICE
    /// candidate, meant for the page whose audio session is <paramref name="toSession"/>.
    /// </summary>
    Task Signal(long fromMemberId, string fromSession, string toSession, string kind, string payload);

    /// <summary>
    /// A member joined the room's audio under this session. Pages already on the audio connect to it too, so two
    /// people joining at the same moment (each missing the other in <see cref="AudioJoin.Peers"/>) still meet.
    /// </summary>
    Task AudioJoined(long memberId, string session);

    /// <summary>
    /// A member's audio session ended (they left it, or their connection closed); null: all of theirs (they lost
    /// access). Pages close their connection to that session only, so a stale message never ends a newer one.
    /// </summary>
    Task AudioLeft(long memberId, string? session);

    /// <summary>The facilitator asks this member to mute. Nobody else can mute or unmute them.</summary>
    Task AskedToMute(long setId);

    /// <summary>This member joined the audio in another window, which now carries it.</summary>
    Task AudioMoved(long setId);
}
