using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>Form posts allowed per network address (or member) in each window; reading pages is limited only for unsubscribe links.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 10_000)]
    public int SignInPerFiveMinutes { get; set; } = 10;

    [Range(1, 10_000)]
    public int RegistrationPerTenMinutes { get; set; } = 5;

    [Range(1, 10_000)]
    public int PasswordResetPerFifteenMinutes { get; set; } = 5;

    [Range(1, 10_000)]
    public int InvitationsPerHour { get; set; } = 30;

    /// <summary>
    /// New threads, replies and edits per member in ten minutes (Discourse allows one post per 5 s). The ceiling is
    /// higher than the others' so that the benchmark's one member can post for 25 s at full speed.
    /// </summary>
    [Range(1, 100_000)]
    public int ForumPostsPerTenMinutes { get; set; } = 30;

    /// <summary>
    /// Unsubscribe pages opened and one-click posts made, per network address in a minute. Generous, because a large
    /// mail provider sends many members' one-click posts from the same few addresses; it stops token guessing at speed.
    /// </summary>
    [Range(1, 10_000)]
    public int UnsubscribePerMinute { get; set; } = 60;
}
