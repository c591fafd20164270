using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PatientLeaders.Community.Web.Data;

public sealed class SqliteDialect(int busyTimeoutSeconds) : ISqlDialect
{
    public string Name => "sqlite";

    public string SelectInsertedId => "; SELECT last_insert_rowid();";

    public string Limit(string orderedQuery) => orderedQuery + " LIMIT @Take";

    public string SkipTake(string orderedQuery) => orderedQuery + " LIMIT @Take OFFSET @Skip";

    // FTS5: a quoted string is always a literal phrase (AND, OR, NEAR inside it are just words). The index's Porter
    // tokenizer stems the query's words as it stemmed the posts' (migration 0047). Only a word with a digit could
    // meet a month token (stemming never adds digits), so only then are the words kept to the Title and Body columns:
    // the column filter costs a common word's search about a quarter more.
    public string FullTextMatch(IReadOnlyList<string> words, IReadOnlyList<string> months)
    {
        var text = string.Join(" AND ", words.Select(w => "\"" + w.Replace("\"", "", StringComparison.Ordinal) + "\""));
        if (words.Any(w => w.Any(char.IsDigit)))
        {
            text = "{Title Body} : (" + text + ")";
        }
        return months.Count == 0 ? text : "(" + text + ") AND Month : (" + string.Join(" OR ", months) + ")";
    }

    public string IntegersFromJson(string parameter) => "json_each(" + parameter + ")";

    public bool IsSqlServer => false;

    // SQLITE_CONSTRAINT_UNIQUE = 2067, SQLITE_CONSTRAINT_PRIMARYKEY = 1555.
    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    /// <summary>
    /// The PRAGMAs, and the query planner's stability guarantee. Without the guarantee SQLite plans with the values of
    /// some bound parameters (a bound <c>LIMIT @Take</c>, a <c>LIKE</c> pattern) and must compile the statement again
    /// whenever they are bound afresh: every kept statement with a bound limit was compiled on every run
    /// (<c>sqlite3Reprepare</c> under <c>sqlite3_step</c> in a profile of the category page). With it, a plan depends only on
    /// the text, the schema and the statistics, so it is compiled once.
    /// </summary>
    public void SetUp(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_db_config(sqlite.Handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _), sqlite.Handle);
        using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    // secure_delete overwrites freed pages, so erased personal data does not linger in the file. temp_store keeps
    // sorts and savepoint journals in memory: group commit's savepoints otherwise copied every page a write touched
    // into a temporary file (about 30 per reply), which cost time and left copies of posts in /var/tmp.
    private string Pragmas =>
        $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA secure_delete = ON; " +
        $"PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = {AutoCheckpointPages};";

    /// <summary>
    /// The log's size (in pages) at which a committing writer copies it back itself. SQLite's default is 1,000; the
    /// site's <see cref="WalCheckpointService"/> copies it well before this, so a writer reaches it only when that
    /// service is not running or falls behind.
    /// </summary>
    public const int AutoCheckpointPages = 10_000;

    // Copies erased pages back into the main file (where secure_delete has zeroed them) and empties the log.
    public string AfterErasure => "PRAGMA wal_checkpoint(TRUNCATE);";
}
