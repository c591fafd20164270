using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace PatientLeaders.Community.Web.Data;

public sealed class SqlServerDialect : ISqlDialect
{
    public string Name => "sqlserver";

    public string SelectInsertedId => "; SELECT CAST(SCOPE_IDENTITY() AS BIGINT);";

    public string Limit(string orderedQuery) => orderedQuery + " OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY";

    public string SkipTake(string orderedQuery) => orderedQuery + " OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    // CONTAINS syntax: FORMSOF(INFLECTIONAL, ...) matches a word's inflections, as SQLite's Porter tokenizer does.
    // The full-text index holds Title and Body only: dates are filtered on Posts.CreatedAt after the match.
    public string FullTextMatch(IReadOnlyList<string> words, IReadOnlyList<string> months) =>
        string.Join(" AND ", words.Select(w => "FORMSOF(INFLECTIONAL, \"" + w.Replace("\"", "", StringComparison.Ordinal) + "\")"));

    // OPENJSON gives each element as nvarchar in "value"; inserting it into a BIGINT column converts it.
    public string IntegersFromJson(string parameter) => "OPENJSON(" + parameter + ")";

    public bool IsSqlServer => true;

    // 2627 = unique constraint, 2601 = unique index.
    public bool IsUniqueViolation(Exception exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(e => e.Number is 2627 or 2601);

    public DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public void SetUp(DbConnection connection)
    {
    }

    public string AfterErasure => "";
}
