using System.Data.Common;

namespace PatientLeaders.Community.Web.Data;

/// <summary>The one way to reach the database: an open connection for the configured provider.</summary>
public sealed class DbConnectionFactory(ISqlDialect dialect, string connectionString) : IDisposable
{
    // SQLite has one writer at a time. Left to itself, a second writer waits inside sqlite3_step: the busy handler
    // and Microsoft.Data.Sqlite's own retry loop (Thread.Sleep(150) per SQLITE_BUSY) both block a thread-pool
    // thread, which on a small machine delays everything else. Writers in this process queue here instead,
    // asynchronously, and reach SQLite one by one; busy_timeout still covers other processes (the CLI verbs).
    private readonly SemaphoreSlim? writeGate = dialect is SqliteDialect ? new SemaphoreSlim(1, 1) : null;

    public ISqlDialect Dialect => dialect;

    /// <summary>
    /// Held around a write transaction (or a single write statement). Free for SQL Server, which locks rows
    /// itself. Never nest two: the gate is not re-entrant.
    /// </summary>
    public async ValueTask<WriteLock> WriteLockAsync(CancellationToken ct)
    {
        if (writeGate is null)
        {
            return default;
        }
        await writeGate.WaitAsync(ct);
        return new WriteLock(writeGate);
    }

    public readonly struct WriteLock(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }

    public string ConnectionString => connectionString;

    private readonly KeptSqliteConnections? kept =
        dialect is SqliteDialect ? KeptSqliteConnections.For(connectionString, dialect.SetUp) : null;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (kept is not null)
        {
            return kept.Rent(ct);
        }
        var connection = dialect.CreateConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // SQLite without pooling comes here with a new native connection every time; SQL Server has nothing to set up.
            dialect.SetUp(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the SQLite connections kept open between uses.</summary>
    public void Dispose() => kept?.Dispose();
}
