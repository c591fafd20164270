using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>
/// A fresh, fully migrated SQLite database file for one test. The real MigrationRunner runs once per test run
/// into a template file; each test gets a copy, so tests are isolated and cheap.
/// </summary>
/// <example><code>
/// await using var db = await TestDatabase.CreateAsync();
/// var store = new MailOutbox(db.Factory, new OutboxSignal(), clock);
/// </code></example>
public sealed class TestDatabase : IAsyncDisposable
{
    public const int BusyTimeoutSeconds = 10;

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly Lazy<string> Root = new(CreateRoot);
    private static string? templatePath;

    private TestDatabase(string filePath)
    {
        FilePath = filePath;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = filePath, Pooling = true }.ToString();
        Factory = new DbConnectionFactory(new SqliteDialect(BusyTimeoutSeconds), ConnectionString);
    }

    /// <summary>Where every test database and the template live; deleted when the test process exits.</summary>
    public static string RootFolder => Root.Value;

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>The same factory type the site uses, over this test's file.</summary>
    public DbConnectionFactory Factory { get; }

    public static async Task<TestDatabase> CreateAsync(CancellationToken ct = default)
    {
        UtcDateTimeOffsetHandler.Register();
        var template = await EnsureTemplateAsync(ct);
        var path = Path.Combine(RootFolder, $"test-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        return new TestDatabase(path);
    }

    public Task<DbConnection> OpenAsync(CancellationToken ct = default) => Factory.OpenAsync(ct);

    public ValueTask DisposeAsync()
    {
        Factory.Dispose();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            TryDelete(FilePath + suffix);
        }
        return ValueTask.CompletedTask;
    }

    private static async Task<string> EnsureTemplateAsync(CancellationToken ct)
    {
        await TemplateGate.WaitAsync(ct);
        try
        {
            if (templatePath is not null)
            {
                return templatePath;
            }
            var path = Path.Combine(RootFolder, "template.db");
            // No pooling: closing the last connection checkpoints the WAL into the file, so one file copies cleanly.
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            var factory = new DbConnectionFactory(new SqliteDialect(BusyTimeoutSeconds), connectionString);
            await new MigrationRunner(factory, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(ct);
            await using (var connection = await factory.OpenAsync(ct))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await command.ExecuteNonQueryAsync(ct);
            }
            templatePath = path;
            return path;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"plc-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return root;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open somewhere; the whole folder goes when the process exits.
        }
    }
}
