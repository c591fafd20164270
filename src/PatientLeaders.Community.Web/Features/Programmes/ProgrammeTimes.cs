using System.Globalization;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// Session times in the cohort's zone, in the current culture's own date and time formats, with the zone named.
/// Pages put them in a time element that site.js rewrites in the reader's zone.
/// </summary>
public static class ProgrammeTimes
{
    public static string Format(DateTimeOffset utc, string zoneId)
    {
        var zone = MeetingTimes.FindZone(zoneId) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return local.ToString("D", CultureInfo.CurrentCulture) + ", " + local.ToString("t", CultureInfo.CurrentCulture) + $" ({zone.Id})";
    }

    public static string Date(DateTimeOffset utc, string zoneId)
    {
        var zone = MeetingTimes.FindZone(zoneId) ?? TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(utc, zone).ToString("D", CultureInfo.CurrentCulture);
    }
}
