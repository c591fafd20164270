using System.Globalization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// Meeting times are stored in UTC with the IANA zone they were arranged in. Pages show them in that zone with
/// the zone's name (a correct fallback without JavaScript); site.js rewrites them in the reader's own zone.
/// </summary>
public static class MeetingTimes
{
    public const string DefaultZone = "Europe/London";

    /// <summary>A short list for the form; any IANA id the server knows is accepted.</summary>
    public static readonly IReadOnlyList<string> CommonZones =
    [
        "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Athens",
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto",
        "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney", "Pacific/Auckland", "Africa/Johannesburg", "UTC",
    ];

    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>
    /// The time in the meeting's zone, with the zone named, in the current language's words: "Monday 4 March 2030,
    /// 10:00 (Europe/Paris)" in English (and wherever no site language is set), the culture's long date in Welsh and Spanish.
    /// </summary>
    public static string Format(DateTimeOffset utc, string zoneId)
    {
        if (SiteCultures.Match(CultureInfo.CurrentCulture.Name) is { } site && site != SiteCultures.Default)
        {
            return Programmes.ProgrammeTimes.Format(utc, zoneId);
        }
        var zone = FindZone(zoneId) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")) + $" ({zone.Id})";
    }

    public static string Iso(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
