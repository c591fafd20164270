using System.Text.Json;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>A member removed from a set leaves its room on every server, wherever their connection is held.</summary>
public sealed class RoomRevocations(RoomService rooms) : IClusterMessageHandler
{
    public const string Name = "rooms.revoke";

    public string Channel => Name;

    public static string Message(long setId, long memberId) => JsonSerializer.Serialize(new Revocation(setId, memberId));

    public Task HandleAsync(string message, CancellationToken ct)
    {
        var revocation = JsonSerializer.Deserialize<Revocation>(message)!;
        return rooms.RevokeHereAsync(revocation.SetId, revocation.MemberId, ct);
    }

    private sealed record Revocation(long SetId, long MemberId);
}
