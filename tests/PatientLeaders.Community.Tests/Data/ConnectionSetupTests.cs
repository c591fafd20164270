using Dapper;
using Microsoft.Data.Sqlite;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;

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
}
