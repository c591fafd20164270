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

        /// <summary>The one connection carrying this member's audio on this server, its session, and whether it is muted.</summary>
        public (string ConnectionId, string Session, bool Muted)? Audio { get; set; }
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
            return IsInRoomLocked(setId, connectionId);
        }
    }

    private bool IsInRoomLocked(long setId, string connectionId) =>
        connections.TryGetValue(connectionId, out var info) && info.Sets.ContainsKey(setId);

    private string? LeaveAudioLocked(long setId, long memberId, string connectionId)
    {
        if (!rooms.TryGetValue(setId, out var room) || !room.TryGetValue(memberId, out var presence)
            || presence.Audio is not { } audio || audio.ConnectionId != connectionId)
        {
            return null;
        }
        presence.Audio = null;
        return audio.Session;
    }

    /// <summary>The access this connection was given when it joined the room; null when it is not in the room.</summary>
    public SetAccess? AccessOf(long setId, string connectionId)
    {
        lock (gate)
        {
            return connections.TryGetValue(connectionId, out var info) && info.Sets.TryGetValue(setId, out var access) ? access : null;
        }
    }

    /// <summary>
    /// Forgets a closed connection; returns the rooms whose list of people changed: the member has left entirely
    /// (<c>LeftRoom</c>), or this connection carried their audio (<c>EndedAudio</c>, its session).
    /// </summary>
    public IReadOnlyList<(long SetId, long MemberId, bool LeftRoom, string? EndedAudio)> Disconnect(string connectionId)
    {
        lock (gate)
        {
            if (!connections.Remove(connectionId, out var info))
            {
                return [];
            }
            var changed = new List<(long, long, bool, string?)>();
            foreach (var setId in info.Sets.Keys)
            {
                var endedAudio = LeaveAudioLocked(setId, info.MemberId, connectionId);
                var left = RemoveFromRoom(setId, info.MemberId, connectionId);
                if (left || endedAudio is not null)
                {
                    changed.Add((setId, info.MemberId, left, endedAudio));
                }
            }
            return changed;
        }
    }

    /// <summary>This connection now carries the member's audio here, under a session the page chose.</summary>
    public bool JoinAudio(long setId, long memberId, string connectionId, string session, bool muted)
    {
        lock (gate)
        {
            if (!IsInRoomLocked(setId, connectionId) || !rooms[setId].TryGetValue(memberId, out var presence))
            {
                return false;
            }
            presence.Audio = (connectionId, session, muted);
            return true;
        }
    }

    /// <summary>The audio session this connection carries in the room, if it carries one.</summary>
    public string? AudioSessionOf(long setId, string connectionId)
    {
        lock (gate)
        {
            return connections.TryGetValue(connectionId, out var info) && rooms.TryGetValue(setId, out var room)
                && room.TryGetValue(info.MemberId, out var presence) && presence.Audio is { } audio && audio.ConnectionId == connectionId
                ? audio.Session : null;
        }
    }

    /// <summary>Mutes or unmutes this connection's audio; false when it carries none.</summary>
    public bool SetMuted(long setId, string connectionId, bool muted)
    {
        lock (gate)
        {
            if (!connections.TryGetValue(connectionId, out var info) || !rooms.TryGetValue(setId, out var room)
                || !room.TryGetValue(info.MemberId, out var presence) || presence.Audio is not { } audio || audio.ConnectionId != connectionId)
            {
                return false;
            }
            presence.Audio = audio with { Muted = muted };
            return true;
        }
    }

    /// <summary>This connection's audio ends; returns the session that ended, or null when it carried none.</summary>
    public string? LeaveAudio(long setId, string connectionId)
    {
        lock (gate)
        {
            return connections.TryGetValue(connectionId, out var info) ? LeaveAudioLocked(setId, info.MemberId, connectionId) : null;
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

    /// <summary>Members with a connection in the room: whether each has stepped away, and their audio.</summary>
    public IReadOnlyDictionary<long, MemberHere> Present(long setId)
    {
        lock (gate)
        {
            return rooms.TryGetValue(setId, out var room)
                ? room.ToDictionary(p => p.Key, p => new MemberHere(p.Value.Away, p.Value.Audio is { } audio ? (audio.Muted ? AudioStatus.Muted : AudioStatus.On) : AudioStatus.Off, p.Value.Audio?.Session))
                : new Dictionary<long, MemberHere>();
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
        if (presence.Audio?.ConnectionId == connectionId)
        {
            presence.Audio = null;
        }
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
