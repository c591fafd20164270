using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Mentoring;

public sealed class MentoringOptions
{
    public const string Section = "Mentoring";

    /// <summary>Days a mentor has before they are reminded about a request.</summary>
    [Range(1, 60)]
    public int ReminderDays { get; set; } = 5;

    /// <summary>Days after which an unanswered request moves to the mentee's next choice or to the coordinators.</summary>
    [Range(1, 90)]
    public int HandOnDays { get; set; } = 7;

    /// <summary>How many days ahead coordinators hear that an accreditation is about to expire.</summary>
    [Range(1, 365)]
    public int AccreditationNoticeDays { get; set; } = 30;

    /// <summary>An active relationship with no session logged for this many weeks needs a coordinator's attention.</summary>
    [Range(1, 52)]
    public int QuietWeeks { get; set; } = 6;

    /// <summary>How many days before the agreed end date a closing session is suggested.</summary>
    [Range(1, 90)]
    public int ClosingSessionDays { get; set; } = 14;

    /// <summary>What coordinators promise: a request in their queue is answered within this many days.</summary>
    [Range(1, 60)]
    public int CoordinatorReplyDays { get; set; } = 5;

    /// <summary>How often the reminder, hand-on and expiry job runs.</summary>
    [Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Mentoring request forms a member may post in an hour.</summary>
    [Range(1, 1000)]
    public int RequestsPerHour { get; set; } = 20;
}
