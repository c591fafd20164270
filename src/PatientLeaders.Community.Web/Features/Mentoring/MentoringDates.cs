using System.Globalization;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>Calendar dates (accreditations, sessions, end dates) are stored as midnight UTC of that day.</summary>
public static class MentoringDates
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset ToStored(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateOnly ToDate(DateTimeOffset stored) => DateOnly.FromDateTime(stored.UtcDateTime);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static string Show(DateTimeOffset value) => value.UtcDateTime.ToString("d MMMM yyyy", English);

    public static string Show(DateOnly value) => value.ToString("d MMMM yyyy", English);

    public static string Age(DateTimeOffset since, DateTimeOffset now)
    {
        var days = (int)Math.Floor((now - since).TotalDays);
        return days switch { <= 0 => "today", 1 => "1 day", _ => $"{days} days" };
    }
}
