using System.Globalization;

namespace PatientLeaders.Community.Web.Features.Forum.Search;

/// <summary>
/// Each post's search text carries its UTC month as a token ("m202406", migration 0048), so on SQLite a search with
/// a short date range asks the full-text index for that range's posts alone, instead of walking back through every
/// newer match. The exact dates are still checked on the posts themselves; the months only narrow.
/// </summary>
public static class SearchMonths
{
    /// <summary>
    /// Each month a range spans adds its posts to the full-text work: past a year that costs more than the narrowing
    /// saves (docs/benchmarks.md), so a wider range is searched without months.
    /// </summary>
    public const int MaxNarrowed = 12;

    public static string Token(DateTimeOffset createdAt) =>
        "m" + createdAt.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The month tokens of every post created in [<paramref name="from"/>, <paramref name="to"/>) (to defaults to
    /// <paramref name="now"/>), or none when the range is open at the start or spans more than <see cref="MaxNarrowed"/> months.
    /// </summary>
    public static IReadOnlyList<string> Spanned(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        if (from is not { } start)
        {
            return [];
        }
        var end = to ?? now.AddTicks(1);
        if (end <= start)
        {
            return [];
        }
        var month = FirstOfMonth(start);
        var last = FirstOfMonth(end.AddTicks(-1));
        var months = new List<string>();
        for (; month <= last; month = month.AddMonths(1))
        {
            if (months.Count == MaxNarrowed)
            {
                return [];
            }
            months.Add(Token(month));
        }
        return months;
    }

    private static DateTimeOffset FirstOfMonth(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
