using System.Data;
using System.Globalization;
using Dapper;

namespace PatientLeaders.Community.Web.Data;

/// <summary>
/// SQLite stores times as ISO-8601 text; SQL Server as DATETIMEOFFSET. Both are written in UTC so that
/// text ordering in SQLite matches time ordering.
/// </summary>
public sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public const string TextFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TextFormat, CultureInfo.InvariantCulture);

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        if (parameter.GetType().Namespace == "Microsoft.Data.Sqlite")
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToText(value);
        }
        else
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value.ToUniversalTime();
        }
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        string text => ParseText(text),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset offset => offset.ToUniversalTime(),
        _ => throw new DataException($"Cannot read a time from {value.GetType().Name}."),
    };

    /// <summary>
    /// The site writes <see cref="TextFormat"/>, which is the round-trip format "O" of a UTC time. "O" with no styles has
    /// a parser of its own, several times faster than the general one, and list pages read dozens of times each
    /// (docs/benchmarks.md, Forum pages). Only text ending in Z takes it: without a zone, "O" would assume the
    /// server's local time. Anything else (SQLite's own <c>datetime('now')</c>, older rows) takes the general parser.
    /// </summary>
    public static DateTimeOffset ParseText(string text) =>
        text.EndsWith('Z') && DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)
            ? exact
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        }
    }
}
