namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// How often a member gets the digest of followed threads and categories. Separate from
/// <see cref="Member.EmailImmediately"/> (mentions and replies at once): a member may have both, either or neither.
/// </summary>
public static class DigestFrequencies
{
    public const string Off = "Off";
    public const string Daily = "Daily";
    public const string Weekly = "Weekly";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        (Off, "No digest"),
        (Daily, "Once a day"),
        (Weekly, "Once a week, on Monday"),
    ];

    public static bool IsKnown(string? value) => All.Any(f => f.Value == value);
}
