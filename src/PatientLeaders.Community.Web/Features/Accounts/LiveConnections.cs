using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Every live hub connection on this server, by the sign-in session that opened it. When sessions end (sign-out,
/// "sign out everywhere", a password change, suspension, erasure) their connections are closed at once, so an idle
/// connection stops receiving room chat or messages without waiting for its next call. One server's connections:
/// with several servers each closes its own when the session check next runs (docs/scaling.md).
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
