using Dapper;
using Microsoft.Data.Sqlite;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;
using SQLitePCL;

namespace PatientLeaders.Community.Tests.Data;

public sealed class ConnectionSetupTests
{
    /// <summary>The PRAGMAs run once per native connection; a pooled one handed out again must still have them.</summary>
    [Test]
    public async Task EveryOpenConnection_HasTheSettings_NewOrFromThePool()
    {
        await using var db = await TestDatabase.CreateAsync();
        object? firstHandle = null;
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await db.OpenAsync();
            var handle = ((SqliteConnection)connection).Handle;
            firstHandle ??= handle;
            Assert.That(handle, Is.SameAs(firstHandle), "the pool hands the same native connection out again");
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA secure_delete"), Is.EqualTo(1));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"), Is.EqualTo(TestDatabase.BusyTimeoutSeconds * 1000));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA temp_store"), Is.EqualTo(2), "temporary data in memory, never in /var/tmp");
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"), Is.EqualTo(SqliteDialect.AutoCheckpointPages));
        }

        // Two at once: the second is a new native connection, and is set up too.
        await using var one = await db.OpenAsync();
        await using var two = await db.OpenAsync();
        Assert.That(((SqliteConnection)two).Handle, Is.Not.SameAs(((SqliteConnection)one).Handle));
        Assert.That(await two.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
    }

    private const int StatementReprepared = 5;   // SQLITE_STMTSTATUS_REPREPARE, not among SQLitePCL's constants

    /// <summary>
    /// A statement with a bound limit, bound afresh on each run as a kept statement is, is compiled once: without the
    /// planner's stability guarantee SQLite planned it with the limit's value and compiled it again on every run.
    /// </summary>
    [Test]
    public async Task BoundLimit_BoundAfresh_IsNotCompiledAgain()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE Ranged (Id INTEGER PRIMARY KEY, Kind INTEGER NOT NULL, SortKey INTEGER NOT NULL);
            CREATE INDEX IX_Ranged ON Ranged (Kind, SortKey);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
            INSERT INTO Ranged (Kind, SortKey) SELECT i % 3, i FROM n;
            """);
        var handle = ((SqliteConnection)connection).Handle!;
        Assert.That(raw.sqlite3_db_config(handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, -1, out var stable), Is.EqualTo(raw.SQLITE_OK));
        Assert.That(stable, Is.EqualTo(1));

        const string sql = "SELECT COUNT(*) FROM (SELECT Id FROM Ranged WHERE Kind = 1 AND SortKey <= ? ORDER BY SortKey DESC LIMIT ?)";
        Assert.That(raw.sqlite3_prepare_v2(handle, sql, out sqlite3_stmt statement), Is.EqualTo(raw.SQLITE_OK));
        using (statement)
        {
            var counts = new List<long>();
            foreach (var (top, take) in new[] { (10, 20), (250, 20), (250, 50) })
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_bind_int64(statement, 1, top);
                raw.sqlite3_bind_int64(statement, 2, take);
                Assert.That(raw.sqlite3_step(statement), Is.EqualTo(raw.SQLITE_ROW));
                counts.Add(raw.sqlite3_column_int64(statement, 0));
            }
            Assert.That(counts, Is.EqualTo(new long[] { 4, 20, 50 }));
            Assert.That(raw.sqlite3_stmt_status(statement, StatementReprepared, 0), Is.Zero);
        }
    }
}
