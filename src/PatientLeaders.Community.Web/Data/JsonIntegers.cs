using System.Text.Json;

namespace PatientLeaders.Community.Web.Data;

/// <summary>Integers as the JSON array <see cref="ISqlDialect.IntegersFromJson"/> reads back as rows.</summary>
public static class JsonIntegers
{
    public static string From(IEnumerable<long> values) => JsonSerializer.Serialize(values);
}
