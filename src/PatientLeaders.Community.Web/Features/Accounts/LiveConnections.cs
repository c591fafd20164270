using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Every live hub connection on this server, by the sign-in session that opened it. When sessions end (sign-out,
/// "sign out everywhere", a password change, suspension, erasure) their connections are closed at once, so an idle
/// connection stops receiving room chat or messages without waiting for its next call. One server's connections:
/// with several servers, <see cref="LiveConnectionClosing"/> tells every server to close its own.
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, (long MemberId, string SessionId, HubCallerContext Context)> connections = new();

    public void Add(long memberId, string sessionId, HubCallerContext context) =>
        connections[context.ConnectionId] = (memberId, sessionId, context);

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>Closes the member's connections, except those of <paramref name="exceptSessionId"/>; returns how many.</summary>
    public int CloseMember(long memberId, string? exceptSessionId = null) =>
        Close(c => c.MemberId == memberId && c.SessionId != exceptSessionId);

    public int CloseSession(string sessionId) => Close(c => c.SessionId == sessionId);

    /// <summary>
    /// Drops every live connection on this server (it is stopping: <see cref="LiveShutdown"/>). The socket is cut
    /// rather than closed with a goodbye, which a page would take as "do not come back": a cut connection is one its
    /// script reconnects by itself, to whichever process answers next.
    /// </summary>
    public int CloseAll()
    {
        var closed = 0;
        foreach (var (id, connection) in connections)
        {
            if (connections.TryRemove(id, out _))
            {
                connection.Context.GetHttpContext()?.Abort();
                // Then the hub's own end, for a transport the cut did not reach; on a cut socket it sends nothing.
                connection.Context.Abort();
                closed++;
            }
        }
        return closed;
    }

    private int Close(Func<(long MemberId, string SessionId, HubCallerContext Context), bool> which)
    {
        var closed = 0;
        foreach (var (id, connection) in connections)
        {
            if (which(connection) && connections.TryRemove(id, out _))
            {
                connection.Context.Abort();
                closed++;
            }
        }
        return closed;
    }
}

/// <summary>
/// Ends live connections on whichever server holds them: a session that ends on server A closes its connection on
/// server B (<see cref="ClusterBus"/>), at once, not at its next call.
/// </summary>
public sealed class LiveConnectionClosing(LiveConnections live, ClusterBus bus) : IClusterMessageHandler
{
    public string Channel => "live-connections.close";

    public Task CloseSessionAsync(string sessionId) =>
        bus.PublishAsync(Channel, JsonSerializer.Serialize(new Request(sessionId, null, null)), CancellationToken.None);

    public Task CloseMemberAsync(long memberId, string? exceptSessionId) =>
        bus.PublishAsync(Channel, JsonSerializer.Serialize(new Request(null, memberId, exceptSessionId)), CancellationToken.None);

    public Task HandleAsync(string message, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<Request>(message)!;
        if (request.SessionId is { } sessionId)
        {
            live.CloseSession(sessionId);
        }
        else if (request.MemberId is { } memberId)
        {
            live.CloseMember(memberId, request.ExceptSessionId);
        }

        return Task.CompletedTask;
    }

    private sealed record Request(string? SessionId, long? MemberId, string? ExceptSessionId);
}
