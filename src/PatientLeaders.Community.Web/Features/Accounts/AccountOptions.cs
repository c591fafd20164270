using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Community";

    /// <summary>"InviteOnly" (default): admins invite by email. "Open": anyone may register.</summary>
    [RegularExpression("^(InviteOnly|Open)$", ErrorMessage = "Community:Registration must be InviteOnly or Open.")]
    public string Registration { get; set; } = "InviteOnly";

    /// <summary>The public address of the site, used in links inside emails.</summary>
    [Required]
    public string BaseUrl { get; set; } = "http://localhost:5080";

    [Range(1, 90)]
    public int InvitationDays { get; set; } = 14;

    /// <summary>A session unused for this long ends; generous, because many members tire or pause.</summary>
    [Range(5, 1440)]
    public int IdleTimeoutMinutes { get; set; } = 120;

    /// <summary>The longest any session lasts, even with "remember me".</summary>
    [Range(1, 90)]
    public int AbsoluteSessionDays { get; set; } = 30;

    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 10;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(5, 1440)]
    public int PasswordResetMinutes { get; set; } = 60;

    public bool IsOpenRegistration => Registration == "Open";
}
