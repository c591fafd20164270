namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// Which connections on this server are in which room, per member, and who has stepped away. In memory; with
/// several servers, <see cref="RoomPresenceBoard"/> shares each server's part of it through Redis.
/// </summary>
public sealed class RoomConnections
{
    private sealed class Presence
    {
        public HashSet<string> Connections { get; } = [];
        public bool Away { get; set; }
    }

    private readonly Lock gate = new();
    private readonly Dictionary<long, Dictionary<long, Presence>> rooms = [];
    // Per connection: its member and, per room joined, the access checked against the database at JoinRoom.
    // Removing a member (RemoveMember) drops the entry, so a cached access never outlives membership; sign-out,
    // suspension and erasure end the session, which RoomHubFilter checks on every call.
    private readonly Dictionary<string, (long MemberId, Dictionary<long, SetAccess?> Sets)> connections = [];

    /// <summary>True when this is the member's first connection in the room.</summary>
    public bool Join(long setId, long memberId, string connectionId, SetAccess? access = null)
    {
        lock (gate)
        {
            if (!connections.TryGetValue(connectionId, out var info))
            {
                info = (memberId, []);
                connections[connectionId] = info;
            }
            info.Sets[setId] = access;
            if (!rooms.TryGetValue(setId, out var room))
            {
                room = [];
                rooms[setId] = room;
            }
            if (!room.TryGetValue(memberId, out var presence))
            {
                presence = new Presence();
                room[memberId] = presence;
            }
            var first = presence.Connections.Count == 0;
            presence.Connections.Add(connectionId);
            return first;
        }
    }

    /// <summary>True when the member has no connection left in the room.</summary>
    public bool Leave(long setId, string connectionId)
    {
        lock (gate)
        {
            if (!connections.TryGetValue(connectionId, out var info) || !info.Sets.Remove(setId))
            {
                return false;
            }
            return RemoveFromRoom(setId, info.MemberId, connectionId);
        }
    }

    public bool IsInRoom(long setId, string connectionId)
    {
        lock (gate)
        {
            return connections.TryGetValue(connectionId, out var info) && info.Sets.ContainsKey(setId);
        }
    }

    /// <summary>The access this connection was given when it joined the room; null when it is not in the room.</summary>
    public SetAccess? AccessOf(long setId, string connectionId)
    {
        lock (gate)
        {
            return connections.TryGetValue(connectionId, out var info) && info.Sets.TryGetValue(setId, out var access) ? access : null;
        }
    }

    /// <summary>Forgets a closed connection; returns the rooms the member has now left entirely.</summary>
    public IReadOnlyList<(long SetId, long MemberId)> Disconnect(string connectionId)
    {
        lock (gate)
        {
            if (!connections.Remove(connectionId, out var info))
            {
                return [];
            }
            return info.Sets.Keys.Where(setId => RemoveFromRoom(setId, info.MemberId, connectionId)).Select(setId => (setId, info.MemberId)).ToList();
        }
    }

    /// <summary>Removes every connection of a member from a room (they lost access); returns them.</summary>
    public IReadOnlyList<string> RemoveMember(long setId, long memberId)
    {
        lock (gate)
        {
            if (!rooms.TryGetValue(setId, out var room) || !room.Remove(memberId, out var presence))
            {
                return [];
            }
            foreach (var connectionId in presence.Connections)
            {
                if (connections.TryGetValue(connectionId, out var info))
                {
                    info.Sets.Remove(setId);
                }
            }
            return presence.Connections.ToList();
        }
    }

    public void SetAway(long setId, long memberId, bool away)
    {
        lock (gate)
        {
            if (rooms.TryGetValue(setId, out var room) && room.TryGetValue(memberId, out var presence))
            {
                presence.Away = away;
            }
        }
    }

    /// <summary>Members with a connection in the room, and whether each has stepped away.</summary>
    public IReadOnlyDictionary<long, bool> Present(long setId)
    {
        lock (gate)
        {
            return rooms.TryGetValue(setId, out var room)
                ? room.ToDictionary(p => p.Key, p => p.Value.Away)
                : new Dictionary<long, bool>();
        }
    }

    /// <summary>The rooms with at least one connection on this server.</summary>
    public IReadOnlyList<long> Rooms()
    {
        lock (gate)
        {
            return rooms.Keys.ToList();
        }
    }

    private bool RemoveFromRoom(long setId, long memberId, string connectionId)
    {
        if (!rooms.TryGetValue(setId, out var room) || !room.TryGetValue(memberId, out var presence))
        {
            return false;
        }
        presence.Connections.Remove(connectionId);
        if (presence.Connections.Count > 0)
        {
            return false;
        }
        room.Remove(memberId);
        if (room.Count == 0)
        {
            rooms.Remove(setId);
        }
        return true;
    }
}
