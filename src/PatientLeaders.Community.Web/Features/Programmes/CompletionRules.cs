namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Attendance codes, and the rule that decides when a participant has completed a programme.</summary>
public static class CompletionRules
{
    public const string Present = "Present";
    public const string Late = "Late";
    public const string Excused = "Excused";
    public const string Absent = "Absent";
    public const string NotExpected = "NotExpected";

    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
    [
        (Present, "Present"),
        (Late, "Late"),
        (Excused, "Excused"),
        (Absent, "Absent"),
        (NotExpected, "Not expected"),
    ];

    /// <summary>The register of a session can be kept from this long before it starts, as people arrive.</summary>
    public static readonly TimeSpan RegisterOpensBefore = TimeSpan.FromMinutes(30);

    public static bool IsStatus(string? code) => Statuses.Any(s => s.Code == code);

    public static string Label(string code) => Statuses.FirstOrDefault(s => s.Code == code).Label ?? code;

    /// <summary>Missed: the participant is offered the session's materials and a catch-up call.</summary>
    public static bool IsMissed(string status) => status is Absent or Excused;

    /// <summary>A recorded status decides; with none recorded, joining the set's room for the session counts as present.</summary>
    public static bool CountsAsAttended(string? recorded, bool joinedRoom) => recorded is null ? joinedRoom : recorded is Present or Late;

    /// <summary>Completed once both thresholds are met. A programme always asks for at least one session.</summary>
    public static bool IsMet(ProgrammeRules rules, int sessionsAttended, int coachingCalls) =>
        sessionsAttended >= Math.Max(1, rules.MinSessions) && coachingCalls >= rules.MinCoachingCalls;
}

public sealed record ProgrammeRules(int MinSessions, int MinCoachingCalls);

/// <summary>Where one participant stands against the programme's rules.</summary>
public sealed record Progress(int SessionsAttended, int MinSessions, int CoachingCalls, int MinCoachingCalls, DateTimeOffset? CompletedAt);
