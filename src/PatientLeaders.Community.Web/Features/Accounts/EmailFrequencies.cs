namespace PatientLeaders.Community.Web.Features.Accounts;

public static class EmailFrequencies
{
    public const string Immediately = "Immediately";
    public const string DailyDigest = "DailyDigest";
    public const string WeeklyDigest = "WeeklyDigest";
    public const string Off = "Off";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        (Immediately, "Straight away"),
        (DailyDigest, "Once a day, in a digest"),
        (WeeklyDigest, "Once a week, in a digest"),
        (Off, "Never: I will check the site myself"),
    ];
}
