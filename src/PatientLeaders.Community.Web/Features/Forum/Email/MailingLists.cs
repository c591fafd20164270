using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum.Email;

/// <summary>
/// The forum's two kinds of list mail, each under its own email setting: unsubscribing from one turns off only that
/// setting, and leaves the other list (and all other mail) alone.
/// </summary>
public static class MailingLists
{
    /// <summary>One email per mention or reply, while <see cref="Member.EmailImmediately"/> is on.</summary>
    public const string Immediate = "forum-immediate";

    /// <summary>The daily or weekly digest of followed threads and categories, while <see cref="Member.DigestFrequency"/> is not Off.</summary>
    public const string Digest = "forum-digest";

    public static bool IsKnown(string list) => list is Immediate or Digest;

    /// <summary>Whether the member's settings still send this list.</summary>
    public static bool IsOn(string list, EmailPreferences preferences) => list == Digest
        ? preferences.DigestFrequency != DigestFrequencies.Off
        : preferences.EmailImmediately;

    public static string Describe(string list) => list == Digest
        ? "the forum digest (new posts in threads and categories you follow)"
        : "emails at once when someone mentions you or replies to you in the forum";

    /// <summary>The setting this list is sent under, as the settings page names it.</summary>
    public static string SettingName(string list) => list == Digest
        ? "Digest of threads and categories you follow"
        : "Email me at once when someone mentions me or replies to me";
}
