using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Scheduling;

namespace PatientLeaders.Community.Web.Infrastructure.Retention;

public sealed record PurgeResult(int Mail, int Sessions, int SecurityEvents);

/// <summary>Deletes personal records past their retention period, every few hours. Safe to run on several servers at once.</summary>
public sealed class RetentionPurge(DbConnectionFactory db, TimeProvider clock, IOptions<RetentionOptions> options, StartDelay startDelay, ILogger<RetentionPurge> logger) : BackgroundService
{
    public async Task<PurgeResult> PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        await using var connection = await db.OpenAsync(ct);
        var result = new PurgeResult(
            await connection.ExecuteAsync(new CommandDefinition(RetentionSql.DeleteOldMail, new { Before = now.AddDays(-settings.MailDays) }, cancellationToken: ct)),
            await connection.ExecuteAsync(new CommandDefinition(RetentionSql.DeleteOldSessions, new { Before = now.AddDays(-settings.EndedSessionDays) }, cancellationToken: ct)),
            await connection.ExecuteAsync(new CommandDefinition(RetentionSql.DeleteOldSecurityEvents, new { Before = now.AddDays(-settings.SecurityEventDays) }, cancellationToken: ct)));
        logger.LogInformation("Retention purge removed {Mail} mails, {Sessions} sessions and {Events} security events", result.Mail, result.Sessions, result.SecurityEvents);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startDelay.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(options.Value.IntervalHours), clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Retention purge failed; it will try again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
