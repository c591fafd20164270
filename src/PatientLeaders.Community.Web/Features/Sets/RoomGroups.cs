namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>The one place SignalR group names are made; never from a client's string.</summary>
public static class RoomGroups
{
    public static string For(long setId) => $"set-room-{setId}";
}
