using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed record SessionView
{
    public string Id { get; init; } = "";
    public string Device { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
}

public sealed record SessionCheck
{
    public long MemberId { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? SuspendedUntil { get; init; }
    public bool TwoFactorEnabled { get; init; }
    public int RolesVersion { get; init; }
}

/// <summary>The server-side half of every sign-in, so that signing out, suspension and revocation really end a session.</summary>
public sealed class SessionStore(DbConnectionFactory db, TimeProvider clock, IOptions<AccountOptions> options, LiveConnectionClosing live)
{
    // Writing LastSeenAt on every request would turn reads into writes; once a minute is enough for idle timeouts.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<string> StartAsync(long memberId, string device, CancellationToken ct)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.InsertSession, new
        {
            Id = id,
            MemberId = memberId,
            Device = device.Length > 200 ? device[..200] : device,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now.AddDays(options.Value.AbsoluteSessionDays),
        }, cancellationToken: ct));
        return id;
    }

    /// <summary>Null when the session is unknown, revoked, expired, idle too long, or its member suspended.</summary>
    public async Task<SessionCheck?> ValidateAsync(string sessionId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var check = await connection.QuerySingleOrDefaultAsync<SessionCheck>(
            new CommandDefinition(AccountsSql.SelectSessionCheck, new { Id = sessionId }, cancellationToken: ct));
        var now = clock.GetUtcNow();
        if (check is null || check.MemberId != memberId || check.RevokedAt is not null || check.ExpiresAt <= now
            || now - check.LastSeenAt > TimeSpan.FromMinutes(options.Value.IdleTimeoutMinutes)
            || check.SuspendedUntil is { } until && until > now)
        {
            return null;
        }
        if (now - check.LastSeenAt >= TouchInterval)
        {
            using var write = await db.WriteLockAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(AccountsSql.TouchSession, new { Id = sessionId, LastSeenAt = now }, cancellationToken: ct));
        }
        return check;
    }

    public async Task<IReadOnlyList<string>> RolesAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(AccountsSql.SelectRoles, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    public async Task EndAsync(string sessionId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.RevokeSession,
            new { Id = sessionId, MemberId = memberId, RevokedAt = clock.GetUtcNow() }, cancellationToken: ct));
        await live.CloseSessionAsync(sessionId);
    }

    public async Task EndAllAsync(long memberId, CancellationToken ct, string? exceptSessionId = null)
    {
        await using var connection = await db.OpenAsync(ct);
        var sql = exceptSessionId is null ? AccountsSql.RevokeAllSessions : AccountsSql.RevokeOtherSessions;
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { MemberId = memberId, KeepId = exceptSessionId, RevokedAt = clock.GetUtcNow() }, cancellationToken: ct));
        await live.CloseMemberAsync(memberId, exceptSessionId);
    }

    public async Task<IReadOnlyList<SessionView>> ListActiveAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SessionView>(new CommandDefinition(AccountsSql.SelectActiveSessions,
            new { MemberId = memberId, Now = clock.GetUtcNow() }, cancellationToken: ct))).ToList();
    }
}
