using System.Data.Common;

namespace PatientLeaders.Community.Web.Data;

/// <summary>
/// The only place SQLite and SQL Server differ. Add a member only when a second query needs it;
/// statements that differ by more than a clause get two named constants in the feature's Sql class.
/// </summary>
public interface ISqlDialect
{
    /// <summary>Names the migrations folder: db/migrations/{Name}.</summary>
    string Name { get; }

    /// <summary>Appended to an INSERT so that it returns the new row's Id as a scalar.</summary>
    string SelectInsertedId { get; }

    /// <summary>Wraps a query's ORDER BY with a row limit bound to the parameter @Take.</summary>
    string Limit(string orderedQuery);

    /// <summary>Wraps a query's ORDER BY with a row offset bound to @Skip and a row limit bound to @Take.</summary>
    string SkipTake(string orderedQuery);

    /// <summary>
    /// Full-text query text that matches posts containing every word in any of its forms ("walk" finds "walking"). The
    /// words are letters and digits only (<c>Forum.FullTextQuery.Words</c>); the result is passed as a parameter, never spliced.
    /// <paramref name="months"/> (<c>Forum.SearchMonths</c>), when any, narrow the match to posts from those months
    /// where the index holds them (SQLite); SQL Server ignores them.
    /// </summary>
    string FullTextMatch(IReadOnlyList<string> words, IReadOnlyList<string> months);

    /// <summary>
    /// A table of one column, <c>value</c>, holding the integers of a JSON array bound to <paramref name="parameter"/>
    /// (written by <see cref="JsonIntegers.From"/>): many rows reach one statement through one parameter, where a
    /// parameter a row would cost SQLite a parse and a name lookup for each.
    /// </summary>
    string IntegersFromJson(string parameter);

    /// <summary>True for SQL Server: picks between the two named constants of a statement that differs by more than a clause.</summary>
    bool IsSqlServer { get; }

    bool IsUniqueViolation(Exception exception);

    DbConnection CreateConnection(string connectionString);

    /// <summary>Run after personal data is erased, so that no copy lingers in a write-ahead log; may be empty.</summary>
    string AfterErasure { get; }

    /// <summary>Run once on each newly opened native connection (SQLite's settings); nothing for SQL Server.</summary>
    void SetUp(DbConnection connection);
}
