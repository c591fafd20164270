namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>The one place SignalR group names are made; never from a client's string.</summary>
public static class RoomGroups
{
    public static string For(long setId) => $"set-room-{setId}";

    /// <summary>The connection carrying one member's audio in a room: where signalling for them goes, on any server.</summary>
    public static string Audio(long setId, long memberId) => $"set-room-{setId}-audio-{memberId}";
}
