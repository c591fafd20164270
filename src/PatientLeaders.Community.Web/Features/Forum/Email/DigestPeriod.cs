using System.Globalization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum.Email;

/// <summary>
/// The span one digest covers, [From, To) in UTC, and its key in ForumDigests ("Daily:2030-01-13",
/// "Weekly:2030-W02"): the key, unique per member, is what stops a period being sent twice. Keys of one frequency
/// sort in time order as plain strings, so the latest one before a period is a range seek on (MemberId, Period).
/// </summary>
/// <param name="Label">The span in words: a resource key with {0} for the date (<see cref="Date"/>), such as "on {0}".</param>
/// <param name="Date">The day the words name, written in the reader's language where the mail is written.</param>
public sealed record DigestPeriod(string Key, DateTimeOffset From, DateTimeOffset To, string Label, DateTimeOffset Date)
{
    public const string OnDay = "on {0}";
    public const string InWeek = "in the week from {0}";
    public const string SinceDay = "since {0}";

    /// <summary>How the digest's day is written: a resource too, since languages name a day differently after these words.</summary>
    public const string DayFormat = "dddd d MMMM";

    private const string DailyPrefix = "Daily:";
    private const string WeeklyPrefix = "Weekly:";
    /// <summary>The latest period of this frequency that has ended and whose send hour has come.</summary>
    public static DigestPeriod LatestDue(string frequency, DateTimeOffset now, int hourUtc)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var sendDay = now.UtcDateTime.Hour >= hourUtc ? today : today.AddDays(-1);
        if (frequency == DigestFrequencies.Weekly)
        {
            var monday = sendDay.AddDays(-(((int)sendDay.DayOfWeek + 6) % 7));
            return Week(monday.AddDays(-7));
        }
        return Day(sendDay.AddDays(-1));
    }

    /// <summary>The period a key names, or null for a key this code does not know.</summary>
    public static DigestPeriod? FromKey(string key)
    {
        if (key.StartsWith(DailyPrefix, StringComparison.Ordinal)
            && DateTime.TryParseExact(key[DailyPrefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Day(new DateTimeOffset(day, TimeSpan.Zero));
        }
        var week = key.StartsWith(WeeklyPrefix, StringComparison.Ordinal) ? key[WeeklyPrefix.Length..].Split("-W") : [];
        if (week.Length == 2 && int.TryParse(week[0], CultureInfo.InvariantCulture, out var year) && int.TryParse(week[1], CultureInfo.InvariantCulture, out var number)
            && year is >= 1 and <= 9998 && number >= 1 && number <= ISOWeek.GetWeeksInYear(year))
        {
            return Week(new DateTimeOffset(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday), TimeSpan.Zero));
        }
        return null;
    }

    /// <summary>
    /// This period stretched back to the end of the member's last digest, when periods were missed in between (the
    /// job did not run while they were due): one digest covers them all, under this period's key.
    /// </summary>
    public DigestPeriod Since(DigestPeriod? last) => last is not null && last.To < From
        ? this with { From = last.To, Label = SinceDay, Date = last.To }
        : this;

    private static DigestPeriod Day(DateTimeOffset day) =>
        new(DailyPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day.AddDays(1), OnDay, day);

    private static DigestPeriod Week(DateTimeOffset monday)
    {
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{WeeklyPrefix}{ISOWeek.GetYear(monday.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(monday.UtcDateTime):00}");
        return new DigestPeriod(key, monday, monday.AddDays(7), InWeek, monday);
    }
}
