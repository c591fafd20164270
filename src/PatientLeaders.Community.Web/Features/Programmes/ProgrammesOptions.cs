using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Programmes;

public sealed class ProgrammesOptions
{
    public const string Section = "Programmes";

    /// <summary>Days a person has to take up an offered place before it goes to the next person waiting.</summary>
    [Range(1, 60)]
    public int OfferDays { get; set; } = 7;

    /// <summary>Days an application may wait for a decision before programme coordinators are reminded.</summary>
    [Range(1, 60)]
    public int CoordinatorReminderDays { get; set; } = 5;

    /// <summary>Days before the first session by which everyone still waiting gets a final answer.</summary>
    [Range(1, 60)]
    public int FinalAnswerDays { get; set; } = 3;

    /// <summary>How often the hand-on, reminder and final-answer job runs.</summary>
    [Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 30;

    /// <summary>Applications a member may send in an hour.</summary>
    [Range(1, 1000)]
    public int ApplicationsPerHour { get; set; } = 10;
}
