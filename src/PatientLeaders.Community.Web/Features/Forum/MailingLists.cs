using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// The forum's two kinds of list mail. Each maps to the email settings it is sent under, so unsubscribing turns
/// email off only while the member's setting is still that one.
/// </summary>
public static class MailingLists
{
    /// <summary>One email per mention or reply, for the "Straight away" setting.</summary>
    public const string Immediate = "forum-immediate";

    /// <summary>The daily or weekly digest of followed threads and categories.</summary>
    public const string Digest = "forum-digest";

    public static bool IsKnown(string list) => list is Immediate or Digest;

    public static IReadOnlyList<string> Frequencies(string list) => list switch
    {
        Immediate => [EmailFrequencies.Immediately],
        Digest => [EmailFrequencies.DailyDigest, EmailFrequencies.WeeklyDigest],
        _ => [],
    };

    public static string Describe(string list) => list == Digest
        ? "the forum digest (new posts in threads and categories you follow)"
        : "forum emails about mentions and replies to you";
}
