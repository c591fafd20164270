using Dapper;

namespace PatientLeaders.Community.Web.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file, off the writers' path. Left to SQLite, the commit
/// that takes the log past its threshold does this copy itself while every other writer waits behind it; under a
/// steady stream of replies that was a third of the writer's system calls. A passive checkpoint never blocks a
/// writer or reader: it copies what no reader still needs and leaves the rest for the next pass. The connections'
/// own threshold (<see cref="SqliteDialect.AutoCheckpointPages"/>) stays as a backstop for processes without this
/// service (the command-line verbs) and for a pass that falls behind.
/// </summary>
public sealed class WalCheckpointService(DbConnectionFactory db, ILogger<WalCheckpointService> logger) : BackgroundService
{
    // Physical time on purpose, not the site's TimeProvider: tests that move the site's clock must not stop the log
    // from being copied back.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.Dialect is not SqliteDialect)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken: ct));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CheckpointLog.Failed(logger, exception);
        }
    }
}

internal static partial class CheckpointLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying the write-ahead log into the database failed; the next pass tries again.")]
    public static partial void Failed(ILogger logger, Exception exception);
}
