using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Infrastructure.Retention;

/// <summary>How long records that hold personal data are kept (UK GDPR storage limitation).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Sent or failed mail (which holds links and names) is deleted after this many days.</summary>
    [Range(1, 3650)]
    public int MailDays { get; set; } = 30;

    /// <summary>Ended or expired sign-in sessions (device and times) are deleted after this many days.</summary>
    [Range(1, 3650)]
    public int EndedSessionDays { get; set; } = 90;

    /// <summary>Security events (sign-ins, changes) are deleted after this many days.</summary>
    [Range(30, 3650)]
    public int SecurityEventDays { get; set; } = 365;

    [Range(1, 168)]
    public int IntervalHours { get; set; } = 6;
}
