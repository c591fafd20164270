namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>What the server tells browsers in a set's room. Past tense: each reports something that happened.</summary>
public interface IRoomClient
{
    Task StateChanged(RoomStateView state);

    Task MessagePosted(RoomMessageView message);

    Task MessageFlagged(long seq);

    /// <summary>Who is here, read at <paramref name="at"/> (UTC ticks): a page keeps the newest it has seen, whatever order they arrive in.</summary>
    Task PresenceChanged(IReadOnlyList<PresenceView> presence, long at);

    /// <summary>The meeting closed and its chat was deleted, as the set agreed.</summary>
    Task ChatCleared();

    /// <summary>This member was removed from the set: the room is gone for them.</summary>
    Task AccessRevoked(long setId);
}
