using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Tests.Data;

public sealed class WalCheckpointServiceTests
{
    /// <summary>
    /// A small write stays in the write-ahead log: far below the connections' own threshold, and the pooled connection
    /// stays open, so nothing else copies it back. The service must bring it into the database file, which is read
    /// here as it is on disk (immutable: the log is not consulted).
    /// </summary>
    [Test]
    public async Task AWrite_ReachesTheDatabaseFile_WithoutWaitingForTheThreshold()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE Written (Value INTEGER NOT NULL); INSERT INTO Written (Value) VALUES (42);");
        }
        Assert.That(await InFileAsync(db), Is.False, "before the service runs, the write is only in the log");

        using var service = new WalCheckpointService(db.Factory, NullLogger<WalCheckpointService>.Instance);
        await service.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await InFileAsync(db) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        await service.StopAsync(CancellationToken.None);
        Assert.That(await InFileAsync(db), Is.True, "copied into the database file");
    }

    private static async Task<bool> InFileAsync(TestDatabase db)
    {
        var fileOnly = new SqliteConnectionStringBuilder { DataSource = $"file:{db.FilePath}?immutable=1", Pooling = false, Mode = SqliteOpenMode.ReadOnly };
        await using var connection = new SqliteConnection(fileOnly.ToString());
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'Written'") == 1;
    }
}
