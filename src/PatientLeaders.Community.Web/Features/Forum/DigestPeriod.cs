using System.Globalization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// The span one digest covers, [From, To) in UTC, and its key in ForumDigests ("Daily:2030-01-13",
/// "Weekly:2030-W02"): the key, unique per member, is what stops a period being sent twice.
/// </summary>
public sealed record DigestPeriod(string Key, DateTimeOffset From, DateTimeOffset To, string Label)
{
    /// <summary>The latest period of this frequency that has ended and whose send hour has come.</summary>
    public static DigestPeriod LatestDue(string frequency, DateTimeOffset now, int hourUtc)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var sendDay = now.UtcDateTime.Hour >= hourUtc ? today : today.AddDays(-1);
        if (frequency == DigestFrequencies.Weekly)
        {
            var monday = sendDay.AddDays(-(((int)sendDay.DayOfWeek + 6) % 7));
            var from = monday.AddDays(-7);
            var key = string.Create(CultureInfo.InvariantCulture,
                $"Weekly:{ISOWeek.GetYear(from.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(from.UtcDateTime):00}");
            return new DigestPeriod(key, from, monday, "in the week from " + from.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB")));
        }
        var day = sendDay.AddDays(-1);
        return new DigestPeriod("Daily:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, sendDay,
            "on " + day.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB")));
    }
}
