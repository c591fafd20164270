using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>The pool's timers and thresholds (section "Involvement").</summary>
public sealed class InvolvementOptions
{
    public const string Section = "Involvement";

    /// <summary>How often the background pass runs.</summary>
    [Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>A match scoring at least this (0–100) is emailed at once to members who want email at once.</summary>
    [Range(1, 100)]
    public int StrongMatchScore { get; set; } = 70;

    /// <summary>Days an organisation has to approve or query a claim before the coordinators are told.</summary>
    [Range(1, 90)]
    public int ApprovalDays { get; set; } = 10;

    /// <summary>Days between reminders to an organisation that has not said what changed.</summary>
    [Range(1, 90)]
    public int ImpactReminderDays { get; set; } = 7;

    /// <summary>Applications a member may send in an hour.</summary>
    [Range(1, 1000)]
    public int ApplicationsPerHour { get; set; } = 20;
}
