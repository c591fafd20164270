using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Tests.Data;

public sealed class KeptSqliteConnectionsTests
{
    private const string MemberHandle = "SELECT Handle FROM Members WHERE Id = @Id";

    [Test]
    public async Task ReturnedConnection_IsHandedOutAgain_AndRunsTheSameTextWithNewValues()
    {
        await using var db = await TestDatabase.CreateAsync();
        await InsertMembersAsync(db, "ada", "bea");
        object first;
        await using (var connection = await db.OpenAsync())
        {
            first = connection;
            Assert.That(await connection.QuerySingleAsync<string>(MemberHandle, new { Id = 1 }), Is.EqualTo("ada"));
        }
        await using (var connection = await db.OpenAsync())
        {
            Assert.That(connection, Is.SameAs(first), "the connection went back still open");
            Assert.That(connection.State, Is.EqualTo(ConnectionState.Open));
            Assert.That(await connection.QuerySingleAsync<string>(MemberHandle, new { Id = 2 }), Is.EqualTo("bea"), "the kept statement is bound afresh");
            Assert.That(await connection.QuerySingleOrDefaultAsync<string>(MemberHandle, new { Id = 3 }), Is.Null);
        }
    }

    [Test]
    public async Task KeptStatement_StillAsksForEveryParameter()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.OpenAsync();
        await connection.QueryAsync<string>(MemberHandle, new { Id = 1 });
        Assert.ThrowsAsync<InvalidOperationException>(() => connection.QueryAsync<string>(MemberHandle, new { Other = 1 }),
            "the last use's value must not stand in for a missing one");
    }

    [Test]
    public async Task SameTextWhileItsReaderIsOpen_RunsOnACommandOfItsOwn_AndThatConnectionIsNotKept()
    {
        await using var db = await TestDatabase.CreateAsync();
        await InsertMembersAsync(db, "ada", "bea");
        object first;
        await using (var connection = await db.OpenAsync())
        {
            first = connection;
            const string all = "SELECT Id FROM Members ORDER BY Id";
            var handles = new List<long>();
            await using (var outer = await connection.ExecuteReaderAsync(all))
            {
                while (await outer.ReadAsync())
                {
                    handles.Add(outer.GetInt64(0));
                    Assert.That((await connection.QueryAsync<long>(all)).Count(), Is.EqualTo(2));
                }
            }
            Assert.That(handles, Is.EqualTo(new long[] { 1, 2 }));
        }
        await using (var connection = await db.OpenAsync())
        {
            Assert.That(connection, Is.Not.SameAs(first));
        }
    }

    [Test]
    public async Task ReturnedWithAReaderOpen_IsClosed_SoNoReadSnapshotOutlivesItsUse()
    {
        await using var db = await TestDatabase.CreateAsync();
        await InsertMembersAsync(db, "ada", "bea");
        var connection = await db.OpenAsync();
        var reader = await connection.ExecuteReaderAsync("SELECT Id FROM Members");
        await reader.ReadAsync();
        await connection.DisposeAsync();

        Assert.That(connection.State, Is.EqualTo(ConnectionState.Closed));
        await using var next = await db.OpenAsync();
        Assert.That(next, Is.Not.SameAs(connection));
    }

    [Test]
    public async Task ReturnedInsideATransaction_IsClosed_AndTheWriteIsRolledBack()
    {
        await using var db = await TestDatabase.CreateAsync();
        var connection = await db.OpenAsync();
        var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(InsertMember, new { Handle = "ada" }, tx);
        await connection.DisposeAsync();

        Assert.That(connection.State, Is.EqualTo(ConnectionState.Closed));
        await using var next = await db.OpenAsync();
        Assert.That(next, Is.Not.SameAs(connection));
        Assert.That(await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Members"), Is.Zero);
    }

    [Test]
    public async Task CommandWithoutATransaction_JoinsTheConnectionsOpenOne_AsSqliteConnectionsDo()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var connection = await db.OpenAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = InsertMember;
            command.Parameters.Add(new SqliteParameter("@Handle", "x"));
            await command.ExecuteNonQueryAsync();
            await tx.RollbackAsync();
        }
        await using var next = await db.OpenAsync();
        Assert.That(await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Members"), Is.Zero, "the insert was inside the transaction");
    }

    [Test]
    public async Task DisposedTwice_GoesBackOnce_SoTwoUsersNeverShareIt()
    {
        await using var db = await TestDatabase.CreateAsync();
        var connection = await db.OpenAsync();
        await connection.DisposeAsync();
        await connection.DisposeAsync();

        await using var first = await db.OpenAsync();
        await using var second = await db.OpenAsync();

        Assert.That(first, Is.SameAs(connection));
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(first.State, Is.EqualTo(ConnectionState.Open));
    }

    [Test]
    public async Task KeptStatement_FollowsASchemaChange()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE Scratch (A INTEGER, B TEXT)");
        await connection.ExecuteAsync("INSERT INTO Scratch VALUES (1, 'one')");
        const string read = "SELECT * FROM Scratch";
        Assert.That((await connection.QueryAsync(read)).Single().B, Is.EqualTo("one"));

        await connection.ExecuteAsync("DROP TABLE Scratch; CREATE TABLE Scratch (A INTEGER, C TEXT); INSERT INTO Scratch VALUES (2, 'two')");

        var row = (IDictionary<string, object>)(await connection.QueryAsync(read)).Single();
        Assert.That(row.Keys, Is.EqualTo(new[] { "A", "C" }));
        Assert.That(row["C"], Is.EqualTo("two"));
    }

    [Test]
    public async Task MoreTextsThanItKeeps_AllStillRunCorrectly()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.OpenAsync();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < KeptSqliteConnections.StatementsPerConnection + 20; i++)
            {
                Assert.That(await connection.ExecuteScalarAsync<long>($"SELECT {i} + @Add", new { Add = round }), Is.EqualTo(i + round));
            }
        }
    }

    [Test]
    public async Task FactoryDisposed_ClosesItsIdleConnections()
    {
        var db = await TestDatabase.CreateAsync();
        var connection = await db.OpenAsync();
        await connection.DisposeAsync();
        Assert.That(connection.State, Is.EqualTo(ConnectionState.Open), "kept open while idle");

        await db.DisposeAsync();

        Assert.That(connection.State, Is.EqualTo(ConnectionState.Closed));
    }

    [Test]
    public async Task WithoutPooling_EveryConnectionIsReallyClosed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var connectionString = new SqliteConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ToString();
        using var factory = new DbConnectionFactory(new SqliteDialect(TestDatabase.BusyTimeoutSeconds), connectionString);
        var connection = await factory.OpenAsync(CancellationToken.None);
        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1), "set up all the same");
        await connection.DisposeAsync();

        Assert.That(connection.State, Is.EqualTo(ConnectionState.Closed));
    }

    private const string InsertMember = """
        INSERT INTO Members (Email, NormalizedEmail, Handle, NormalizedHandle, DisplayName, SecurityStamp, ConcurrencyStamp, CreatedAt)
        VALUES (@Handle || '@example.org', upper(@Handle) || '@EXAMPLE.ORG', @Handle, upper(@Handle), @Handle, 's', 'c', '2030-01-01T00:00:00+00:00')
        """;

    private static async Task InsertMembersAsync(TestDatabase db, params string[] handles)
    {
        await using var connection = await db.OpenAsync();
        foreach (var handle in handles)
        {
            await connection.ExecuteAsync(InsertMember, new { Handle = handle });
        }
    }
}
