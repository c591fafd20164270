namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// Date filters mean the reader's days: forms that take dates (the moderation log, search) carry a hidden <c>tz</c>
/// field (input[data-reader-time-zone]) that site.js fills with the browser's IANA time zone. Without it, or with a
/// zone the server does not know, days are UTC days.
/// </summary>
public static class ReaderDays
{
    /// <summary>Midnight at the start of the day in the reader's zone, in UTC (the first valid time if midnight is skipped).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo? zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone is null)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
