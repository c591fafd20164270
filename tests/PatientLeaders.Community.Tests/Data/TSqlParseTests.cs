using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Tests.Data;

/// <summary>
/// No SQL Server runs here, so every T-SQL text is at least read by Microsoft's own parser (ScriptDom, SQL Server
/// 2022 grammar): the SQL Server migrations batch by batch, and the SQL constants the code sends. A parse error
/// names the file or constant. What parsing cannot find (a wrong column, a type mismatch) needs a real SQL Server:
/// docs/scaling.md.
/// </summary>
public sealed partial class TSqlParseTests
{
    [Test]
    public void EverySqlServerMigration_Parses()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "db", "migrations", "sqlserver");
        var files = Directory.GetFiles(folder, "*.sql").Order().ToList();
        Assert.That(files, Has.Count.GreaterThan(25));
        // Batched exactly as the migration runner sends them.
        var failures = files.SelectMany(f => MigrationRunner.SplitOnGo(File.ReadAllText(f)).SelectMany(b => Errors(b).Select(e => $"{Path.GetFileName(f)}: {e}"))).ToList();
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void TheParser_RejectsABrokenStatement()
    {
        // Mistakes of the kind the migrations could hold: a missing comma, SQLite's AUTOINCREMENT, SQLite's LIMIT.
        Assert.That(Errors("CREATE TABLE Broken (Id BIGINT NOT NULL PRIMARY KEY Name NVARCHAR(10) NOT NULL);"), Is.Not.Empty);
        Assert.That(Errors("CREATE TABLE Broken (Id INTEGER PRIMARY KEY AUTOINCREMENT);"), Is.Not.Empty);
        Assert.That(Errors("SELECT Id FROM Members WHERE Id = @Id LIMIT 1;"), Is.Not.Empty);
        Assert.That(Errors("SELECT TOP (1) Id FROM Members WHERE Id = @Id;"), Is.Empty);
    }

    [Test]
    public void EverySqlConstantTheSqlServerDialectSends_Parses()
    {
        var constants = typeof(ISqlDialect).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Sql", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (Name: $"{t.Name}.{f.Name}", Sql: (string)f.GetRawConstantValue()!)))
            .Where(c => IsStatement(c.Sql) && !IsSqliteOnly(c.Name))
            .ToList();
        Assert.That(constants, Has.Count.GreaterThan(100));
        var dialect = new SqlServerDialect();
        var failures = constants
            .SelectMany(c => Errors(AsSent(c.Sql, dialect)).Select(e => $"{c.Name}: {e}"))
            .ToList();
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void EveryDialectFragment_Parses()
    {
        var dialect = new SqlServerDialect();
        var fragments = new Dictionary<string, string>
        {
            ["Limit"] = dialect.Limit("SELECT Id FROM Members ORDER BY Id"),
            ["SkipTake"] = dialect.SkipTake("SELECT Id FROM Members ORDER BY Id"),
            ["SelectInsertedId"] = "INSERT INTO Tags (Slug) VALUES (@Slug)" + dialect.SelectInsertedId,
            ["IntegersFromJson"] = "SELECT value FROM " + dialect.IntegersFromJson("@Ids"),
            ["FullTextMatch"] = "SELECT [KEY] FROM CONTAINSTABLE(PostSearchText, (Title, Body), '" + dialect.FullTextMatch(["walk", "home"], []) + "')",
            ["AfterErasure"] = "DELETE FROM Members WHERE Id = @Id;" + dialect.AfterErasure,
        };
        Assert.That(fragments.SelectMany(f => Errors(f.Value).Select(e => $"{f.Key}: {e}")), Is.Empty);
    }

    /// <summary>Constants written for SQLite alone, each with a SQL Server twin beside it.</summary>
    private static bool IsSqliteOnly(string name) => name.Contains("Sqlite", StringComparison.Ordinal);

    private static bool IsStatement(string sql) => StatementStart().IsMatch(sql);

    /// <summary>
    /// The constant as it is sent: Dapper expands "IN @List" into a list of parameters; "FROM {0}" is the dialect's
    /// table of ids from one JSON parameter (JsonIntegers); "({n})" is a subquery (search's ranked candidates); any
    /// other "{n}" is an optional filter, here left out.
    /// </summary>
    private static string AsSent(string sql, SqlServerDialect dialect)
    {
        sql = DapperList().Replace(sql, m => $"IN (@{m.Groups[1].Value}1, @{m.Groups[1].Value}2)");
        sql = TableOfIds().Replace(sql, _ => "FROM " + dialect.IntegersFromJson("@Ids"));
        sql = Subquery().Replace(sql, "(SELECT CAST(1 AS BIGINT) AS PostId, CAST(0 AS FLOAT) AS Score)");
        return Placeholder().Replace(sql, "");
    }

    private static IEnumerable<string> Errors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}");
    }

    [GeneratedRegex(@"\bIN @(\w+)")]
    private static partial Regex DapperList();

    [GeneratedRegex(@"FROM \{\d\}")]
    private static partial Regex TableOfIds();

    [GeneratedRegex(@"\(\{\d\}\)")]
    private static partial Regex Subquery();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|MERGE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();
}
