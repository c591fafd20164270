using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Tests.Data;

public sealed partial class MigrationTests
{
    private static string Folder(string dialect) => Path.Combine(AppContext.BaseDirectory, "db", "migrations", dialect);

    [Test]
    public void BothDialects_HaveTheSameMigrationNames()
    {
        var sqlite = Directory.GetFiles(Folder("sqlite"), "*.sql").Select(Path.GetFileName).Order().ToList();
        var sqlServer = Directory.GetFiles(Folder("sqlserver"), "*.sql").Select(Path.GetFileName).Order().ToList();
        Assert.That(sqlite, Is.Not.Empty);
        Assert.That(sqlServer, Is.EqualTo(sqlite));
    }

    [Test]
    public void BothDialects_DefineTheSameTablesAndColumns()
    {
        Assert.That(Schema("sqlserver"), Is.EqualTo(Schema("sqlite")));
    }

    [Test]
    public void BothDialects_EndWithTheSameIndexes()
    {
        var sqlite = Indexes("sqlite");
        Assert.That(sqlite, Has.Count.GreaterThan(20));
        Assert.That(Indexes("sqlserver"), Is.EqualTo(sqlite));
    }

    /// <summary>The indexes left once every migration has run: each one created, less those dropped since.</summary>
    private static SortedSet<string> Indexes(string dialect)
    {
        var indexes = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(Folder(dialect), "*.sql").Order())
        {
            foreach (Match m in IndexStatement().Matches(File.ReadAllText(file)))
            {
                if (m.Groups["verb"].Value.Equals("DROP", StringComparison.OrdinalIgnoreCase))
                {
                    indexes.Remove(m.Groups["name"].Value);
                }
                else
                {
                    indexes.Add(m.Groups["name"].Value);
                }
            }
        }
        return indexes;
    }

    [GeneratedRegex(@"\b(?<verb>CREATE|DROP)\s+(UNIQUE\s+)?((NON)?CLUSTERED\s+)?INDEX\s+(IF\s+(NOT\s+)?EXISTS\s+)?\[?(?<name>(IX|UX|PK)_\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex IndexStatement();

    [Test]
    public async Task SecondRun_IsANoOp_AndAChangedFileIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runner = new MigrationRunner(db.Factory, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
        Assert.That(await runner.MigrateAsync(CancellationToken.None), Is.Empty);

        var scripts = MigrationRunner.LoadScripts(Folder("sqlite")).ToList();
        scripts[0] = MigrationScript.FromText(scripts[0].Name, scripts[0].Sql + "\n-- edited");
        Assert.ThrowsAsync<MigrationChecksumException>(() => runner.MigrateAsync(scripts, CancellationToken.None));
    }

    [Test]
    public async Task TwoRunnersAtOnce_ApplyEachScriptOnce()
    {
        var path = Path.Combine(TestDatabase.RootFolder, $"race-{Guid.NewGuid():N}.db");
        using var factory = new DbConnectionFactory(new SqliteDialect(30), $"Data Source={path}");
        var first = new MigrationRunner(factory, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
        var second = new MigrationRunner(factory, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
        var results = await Task.WhenAll(Task.Run(() => first.MigrateAsync(CancellationToken.None)), Task.Run(() => second.MigrateAsync(CancellationToken.None)));
        var expected = Directory.GetFiles(Folder("sqlite"), "*.sql").Select(Path.GetFileName).Order().ToList();
        Assert.That(results.SelectMany(r => r).Order().ToList(), Is.EqualTo(expected));
    }

    [TestCase("Immediately", 1, "Off")]
    [TestCase("DailyDigest", 0, "Daily")]
    [TestCase("WeeklyDigest", 0, "Weekly")]
    [TestCase("Off", 0, "Off")]
    public async Task SplitEmailPreferences_CarriesTheOldSettingOver(string old, long immediately, string digest)
    {
        var path = Path.Combine(TestDatabase.RootFolder, $"carry-{Guid.NewGuid():N}.db");
        using var factory = new DbConnectionFactory(new SqliteDialect(30), $"Data Source={path}");
        var runner = new MigrationRunner(factory, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
        var scripts = MigrationRunner.LoadScripts(Folder("sqlite"));
        await runner.MigrateAsync(scripts.Where(s => string.CompareOrdinal(s.Name, "0042") < 0).ToList(), CancellationToken.None);
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                INSERT INTO Members (Email, NormalizedEmail, Handle, NormalizedHandle, DisplayName, SecurityStamp, ConcurrencyStamp, EmailFrequency, CreatedAt)
                VALUES ('a@example.org', 'A@EXAMPLE.ORG', 'a', 'A', 'A', 's', 'c', @Old, '2030-01-01T00:00:00+00:00')
                """, new { Old = old });
        }

        Assert.That(await runner.MigrateAsync(scripts, CancellationToken.None), Does.Contain("0042_split_email_preferences.sql"));

        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            var row = await Dapper.SqlMapper.QuerySingleAsync<(long EmailImmediately, string DigestFrequency)>(connection,
                "SELECT EmailImmediately, DigestFrequency FROM Members WHERE Handle = 'a'");
            Assert.That(row, Is.EqualTo((immediately, digest)));
            var columns = (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT name FROM pragma_table_info('Members')")).ToList();
            Assert.That(columns, Does.Not.Contain("EmailFrequency"), "the old single setting is gone, so nothing can read it by mistake");
            var plan = string.Join(" ", (await Dapper.SqlMapper.QueryAsync(connection,
                "EXPLAIN QUERY PLAN SELECT Id, Email FROM Members WHERE DigestFrequency = 'Daily' AND Id > 0 ORDER BY Id")).Select(r => (string)r.detail));
            Assert.That(plan, Does.Contain("IX_Members_DigestFrequency"), "the digest job's keyset path has its index");
        }
        factory.Dispose();
        using (var done = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(done);
        }
    }

    [Test]
    public async Task NoTransactionScript_RunsOutsideATransaction_AndIsJournaledOnce()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runner = new MigrationRunner(db.Factory, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
        // VACUUM fails inside a transaction, like SQL Server's full-text DDL.
        var inTransaction = MigrationScript.FromText("9998_vacuum.sql", "VACUUM;");
        Assert.That(inTransaction.RunsWithoutTransaction, Is.False);
        Assert.That(() => runner.MigrateAsync([inTransaction], CancellationToken.None), Throws.Exception);

        var outside = MigrationScript.FromText("9999_vacuum.sql", MigrationScript.NoTransactionMarker + "\nVACUUM;\n");
        Assert.That(outside.RunsWithoutTransaction, Is.True);
        Assert.That(await runner.MigrateAsync([outside], CancellationToken.None), Is.EqualTo(new[] { "9999_vacuum.sql" }));
        Assert.That(await runner.MigrateAsync([outside], CancellationToken.None), Is.Empty);
        await using var connection = await db.OpenAsync();
        Assert.That(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM SchemaMigrations WHERE Name LIKE '999%'"), Is.EqualTo(1));
    }

    [Test]
    public void SqlServerFullTextScript_IsMarkedNoTransaction()
    {
        var scripts = MigrationRunner.LoadScripts(Folder("sqlserver"));
        Assert.That(scripts.Where(s => s.Sql.Contains("FULLTEXT", StringComparison.OrdinalIgnoreCase)).Select(s => s.RunsWithoutTransaction), Is.Not.Empty.And.All.True);
        Assert.That(MigrationRunner.LoadScripts(Folder("sqlite")).Where(s => s.RunsWithoutTransaction), Is.Empty);
    }

    [Test]
    public void SqlServerScripts_SplitOnGoLines()
    {
        var batches = MigrationRunner.SplitOnGo("CREATE TABLE A (X INT);\nGO\nCREATE TABLE B (Y INT);\n  go  \n").ToList();
        Assert.That(batches, Has.Count.EqualTo(2));
    }

    private static SortedDictionary<string, string> Schema(string dialect)
    {
        var tables = new SortedDictionary<string, string>();
        foreach (var file in Directory.GetFiles(Folder(dialect), "*.sql"))
        {
            foreach (Match table in CreateTable().Matches(File.ReadAllText(file)))
            {
                var columns = table.Groups["body"].Value.Split('\n')
                    .Select(line => line.Trim())
                    .Where(line => line.Length > 0 && !line.StartsWith("CONSTRAINT", StringComparison.Ordinal) && !line.StartsWith("--", StringComparison.Ordinal))
                    .Select(line => line.Split(' ')[0])
                    .Order();
                tables[table.Groups["name"].Value] = string.Join(",", columns);
            }
        }
        return tables;
    }

    [GeneratedRegex(@"CREATE TABLE (?<name>\w+) \((?<body>.*?)\n\);", RegexOptions.Singleline)]
    private static partial Regex CreateTable();
}
