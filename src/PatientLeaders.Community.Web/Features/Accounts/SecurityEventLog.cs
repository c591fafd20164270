using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed record SecurityEventView
{
    public string EventType { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Security events by member id (never email or content): kept for the member's own export and for audits.</summary>
public sealed class SecurityEventLog(DbConnectionFactory db, TimeProvider clock, ILogger<SecurityEventLog> logger)
{
    public async Task RecordAsync(long? memberId, string eventType, CancellationToken ct)
    {
        logger.LogInformation("Security event {EventType} for member {MemberId}", eventType, memberId);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.InsertSecurityEvent,
            new { MemberId = memberId, EventType = eventType, OccurredAt = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SecurityEventView>> ForMemberAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SecurityEventView>(new CommandDefinition(
            AccountsSql.SelectSecurityEventsForMember, new { MemberId = memberId }, cancellationToken: ct))).ToList();
    }
}
