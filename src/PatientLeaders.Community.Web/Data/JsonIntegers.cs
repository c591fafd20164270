using System.Globalization;
using System.Text.Json;

namespace PatientLeaders.Community.Web.Data;

/// <summary>Integers as a JSON array, for <see cref="ISqlDialect.IntegersFromJson"/> (or json_each in a SQLite-only statement) to read back as rows.</summary>
public static class JsonIntegers
{
    public static string From(IEnumerable<long> values) => JsonSerializer.Serialize(values);

    /// <summary>
    /// <paramref name="sql"/> with its {0} replaced by the dialect's table of the integers in <paramref name="parameter"/>:
    /// a list reaches the statement as one parameter, so its text is the same whatever the list's length.
    /// </summary>
    public static string InStatement(ISqlDialect dialect, string sql, string parameter) =>
        string.Format(CultureInfo.InvariantCulture, sql, dialect.IntegersFromJson(parameter));
}
