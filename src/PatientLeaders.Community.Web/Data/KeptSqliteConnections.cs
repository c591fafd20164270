using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace PatientLeaders.Community.Web.Data;

/// <summary>
/// Open SQLite connections that keep their compiled statements from one use to the next.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite compiles every new command afresh (dotnet/efcore#14044), Dapper makes a new command for each
/// call, and closing a connection throws away whatever its commands had compiled. A thread page's ten statements
/// were compiled on every request: half of the page's time in SQLite. Here a connection is never closed between
/// uses, and each keeps up to <see cref="StatementsPerConnection"/> statements by their text, most recently used
/// first. SQLite recompiles a kept statement by itself if the schema changes under it.
/// </remarks>
public sealed class KeptSqliteConnections(string connectionString, Action<DbConnection> setUp) : IDisposable
{
    /// <summary>More idle connections than this are closed when returned: enough for every thread that can run one.</summary>
    public const int MaxIdle = 16;

    /// <summary>About every statement the hot pages run, with room for the rest; each costs a few kilobytes.</summary>
    public const int StatementsPerConnection = 100;

    // Last in, first out: the connection used most recently has the warmest statements and page cache.
    private readonly ConcurrentStack<KeptSqliteConnection> idle = new();
    private int idleCount;
    private volatile bool disposed;

    /// <summary>
    /// Null where the connection string turns pooling off: those callers want each connection really closed (the
    /// test template, for one, relies on closing to fold the write-ahead log into the file).
    /// </summary>
    public static KeptSqliteConnections? For(string connectionString, Action<DbConnection> setUp) =>
        new SqliteConnectionStringBuilder(connectionString).Pooling ? new KeptSqliteConnections(connectionString, setUp) : null;

    public DbConnection Rent(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (idle.TryPop(out var kept))
        {
            Interlocked.Decrement(ref idleCount);
            kept.Rented = true;
            return kept;
        }
        var connection = new KeptSqliteConnection(connectionString, this);
        try
        {
            connection.Open();
            setUp(connection);
        }
        catch
        {
            connection.Discard();
            throw;
        }
        connection.Rented = true;
        return connection;
    }

    internal bool TryReturn(KeptSqliteConnection connection)
    {
        if (disposed || !connection.IsReusable)
        {
            return false;
        }
        if (Interlocked.Increment(ref idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref idleCount);
            return false;
        }
        connection.Rented = false;
        idle.Push(connection);
        if (disposed)
        {
            CloseIdle();
        }
        return true;
    }

    public void Dispose()
    {
        disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (idle.TryPop(out var connection))
        {
            Interlocked.Decrement(ref idleCount);
            connection.Discard();
        }
    }
}

/// <summary>
/// A connection that goes back to its <see cref="KeptSqliteConnections"/> when disposed, still open, and whose
/// commands (as Dapper and <see cref="DbConnection.CreateCommand"/> make them) run on statements it keeps.
/// </summary>
/// <remarks>
/// Like an array from a pool, the same object goes to the next user: once disposed, it is not the disposer's to use.
/// </remarks>
public sealed class KeptSqliteConnection : SqliteConnection
{
    private readonly KeptSqliteConnections owner;
    private readonly Dictionary<string, LinkedListNode<KeptStatement>> statements = new(StringComparer.Ordinal);
    private readonly LinkedList<KeptStatement> byRecentUse = new();
    private bool discarding;

    internal KeptSqliteConnection(string connectionString, KeptSqliteConnections owner) : base(connectionString) =>
        this.owner = owner;

    internal bool Rented { get; set; }

    /// <summary>Set when a command ran outside the kept statements, whose reader this connection cannot see.</summary>
    internal bool Tainted { get; set; }

    /// <summary>
    /// Open, with no transaction and no reader left open: a reader left open would hold its read snapshot, and with
    /// it the write-ahead log, for as long as the connection sat idle.
    /// </summary>
    internal bool IsReusable =>
        !Tainted && State == ConnectionState.Open && Transaction is null && byRecentUse.All(s => !s.IsReading);

    /// <summary>What a new command joins by default, as with <see cref="SqliteConnection.CreateCommand"/>.</summary>
    internal SqliteTransaction? CurrentTransaction => Transaction;

    protected override DbCommand CreateDbCommand() => new KeptCommand(this);

    /// <summary>The kept statement for this text, compiled on first use; null while it is already reading.</summary>
    internal SqliteCommand? Statement(string text)
    {
        if (statements.TryGetValue(text, out var node))
        {
            if (node.Value.IsReading)
            {
                return null;
            }
            byRecentUse.Remove(node);
            byRecentUse.AddFirst(node);
            return node.Value;
        }
        if (statements.Count >= KeptSqliteConnections.StatementsPerConnection)
        {
            var oldest = byRecentUse.Last!;
            if (oldest.Value.IsReading)
            {
                return null;
            }
            byRecentUse.RemoveLast();
            statements.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }
        var statement = new KeptStatement { Connection = this, CommandText = text };
        statements.Add(text, byRecentUse.AddFirst(statement));
        return statement;
    }

    internal void Discard()
    {
        discarding = true;
        Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !discarding)
        {
            // Already back with its owner: a second Dispose must not return it twice or close it.
            if (!Rented || owner.TryReturn(this))
            {
                return;
            }
        }
        if (disposing)
        {
            foreach (var statement in byRecentUse)
            {
                statement.Dispose();
            }
            byRecentUse.Clear();
            statements.Clear();
        }
        base.Dispose(disposing);
    }

    private sealed class KeptStatement : SqliteCommand
    {
        public bool IsReading => DataReader is not null;
    }
}

/// <summary>
/// The command a <see cref="KeptSqliteConnection"/> hands out: it collects text and parameters, and runs them on the
/// connection's kept statement for that text (or on a command of its own while that statement is busy reading).
/// </summary>
internal sealed class KeptCommand(KeptSqliteConnection connection) : DbCommand
{
    // Holds the parameters until the command runs: SqliteParameterCollection has no public constructor.
    private readonly SqliteCommand collected = new();
    private SqliteCommand? own;

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = connection.DefaultTimeout;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException("SQLite runs only text commands.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value != connection)
            {
                throw new NotSupportedException("A kept connection's command stays with its connection.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => collected.Parameters;

    protected override DbTransaction? DbTransaction { get; set; } = connection.CurrentTransaction;

    public override void Cancel()
    {
    }

    // Every statement stays compiled after its first use.
    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Bound().ExecuteReader(behavior);

    public override int ExecuteNonQuery() => Bound().ExecuteNonQuery();

    public override object? ExecuteScalar() => Bound().ExecuteScalar();

    private SqliteCommand Bound()
    {
        var statement = connection.Statement(CommandText);
        if (statement is null)
        {
            own ??= connection.CreateCommand();
            own.CommandText = CommandText;
            connection.Tainted = true;
            statement = own;
        }
        statement.Parameters.Clear();
        foreach (SqliteParameter parameter in collected.Parameters)
        {
            statement.Parameters.Add(parameter);
        }
        statement.Transaction = (SqliteTransaction?)DbTransaction;
        statement.CommandTimeout = CommandTimeout;
        return statement;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            own?.Dispose();
            collected.Dispose();
        }
        base.Dispose(disposing);
    }
}
