using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>Form posts allowed per network address in each window; reading pages is never limited.</summary>
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

    /// <summary>New threads, replies and edits per member in ten minutes (Discourse allows one post per 5 s).</summary>
    [Range(1, 10_000)]
    public int ForumPostsPerTenMinutes { get; set; } = 30;
}
