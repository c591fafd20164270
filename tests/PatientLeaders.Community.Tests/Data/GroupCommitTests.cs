using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Tests.Data;

public sealed class GroupCommitTests
{
    /// <summary>
    /// Six writers queue while the gate is held; the first to get it writes all six in one transaction. The two whose
    /// work fails part-way roll back to their savepoints: their half-written rows are gone, their callers get the
    /// error, and the other four are stored.
    /// </summary>
    [Test]
    public async Task QueuedWork_IsWrittenTogether_AndAFailureRollsBackOnlyItsOwnWork()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var setup = await db.OpenAsync())
        {
            await setup.ExecuteAsync("CREATE TABLE Written (Value INTEGER NOT NULL)");
        }
        var transactions = new List<DbTransaction>();
        using var commit = new GroupCommit(db.Factory);
        async Task<int> WriteAsync(DbConnection connection, DbTransaction tx, int value)
        {
            transactions.Add(tx);
            await connection.ExecuteAsync("INSERT INTO Written (Value) VALUES (@Value)", new { Value = value }, tx);
            if (value % 3 == 0)
            {
                throw new InvalidOperationException($"work {value} fails");
            }
            return value * 10;
        }

        Task<int>[] writes;
        using (await db.Factory.WriteLockAsync(CancellationToken.None))
        {
            writes = Enumerable.Range(1, 6).Select(v => commit.WriteAsync((connection, tx) => WriteAsync(connection, tx, v), CancellationToken.None)).ToArray();
            await Task.Delay(50);
            Assert.That(writes.Any(w => w.IsCompleted), Is.False, "nothing is written while the gate is held");
        }

        foreach (var (write, value) in writes.Select((w, i) => (w, i + 1)))
        {
            if (value % 3 == 0)
            {
                Assert.That(async () => await write, Throws.InvalidOperationException.With.Message.EqualTo($"work {value} fails"));
            }
            else
            {
                Assert.That(await write, Is.EqualTo(value * 10));
            }
        }
        Assert.That(transactions, Has.Count.EqualTo(6));
        Assert.That(transactions.Distinct().Count(), Is.EqualTo(1), "one transaction for the whole queue");
        await using var connection = await db.OpenAsync();
        Assert.That(await connection.QueryAsync<long>("SELECT Value FROM Written ORDER BY Value"), Is.EqualTo(new long[] { 1, 2, 4, 5 }));
    }

    /// <summary>
    /// Batches one after another are written on the same open connection, which still sees what other connections
    /// wrote in between. A batch that breaks the connection itself fails, and the next batch gets a fresh one.
    /// </summary>
    [Test]
    public async Task Batches_ShareOneOpenConnection_WhichSeesOtherWrites_AndIsReplacedAfterItBreaks()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var setup = await db.OpenAsync())
        {
            await setup.ExecuteAsync("CREATE TABLE Written (Value INTEGER NOT NULL)");
        }
        using var commit = new GroupCommit(db.Factory);
        Task<(DbConnection Connection, long Count)> WriteAsync(int value) => commit.WriteAsync(async (connection, tx) =>
        {
            await connection.ExecuteAsync("INSERT INTO Written (Value) VALUES (@Value)", new { Value = value }, tx);
            return (connection, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Written", transaction: tx));
        }, CancellationToken.None);

        var first = await WriteAsync(1);
        await using (var other = await db.OpenAsync())
        {
            await other.ExecuteAsync("INSERT INTO Written (Value) VALUES (2)");
        }
        var second = await WriteAsync(3);
        Assert.That(second.Connection, Is.SameAs(first.Connection), "the connection is kept between batches");
        Assert.That(second.Count, Is.EqualTo(3), "the kept connection sees the other connection's row");

        var broken = commit.WriteAsync<int>((connection, _) =>
        {
            connection.Close();
            return Task.FromResult(0);
        }, CancellationToken.None);
        Assert.That(async () => await broken, Throws.InstanceOf<Exception>());
        var afterBreak = await WriteAsync(4);
        Assert.That(afterBreak.Connection, Is.Not.SameAs(first.Connection), "a broken connection is replaced");
        Assert.That(afterBreak.Count, Is.EqualTo(4));
    }
}
