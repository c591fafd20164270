using System.Text.Json;

namespace PatientLeaders.Community.Web.Data;

/// <summary>Integers as a JSON array, for <see cref="ISqlDialect.IntegersFromJson"/> (or json_each in a SQLite-only statement) to read back as rows.</summary>
public static class JsonIntegers
{
    public static string From(IEnumerable<long> values) => JsonSerializer.Serialize(values);
}
