namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Outcome questionnaires: items, invitations, answers and the figures reports are made from.</summary>
public static partial class ProgrammesSql
{
    public const string InsertOutcomeItem = """
        INSERT INTO ProgrammeOutcomeItems (ProgrammeId, Position, Text, IsRetired) VALUES (@ProgrammeId, @Position, @Text, 0)
        """;

    public const string SelectOutcomeItems = """
        SELECT Id, ProgrammeId, Position, Text, IsRetired FROM ProgrammeOutcomeItems WHERE ProgrammeId = @ProgrammeId ORDER BY Position, Id
        """;

    public const string UpdateOutcomeItem = """
        UPDATE ProgrammeOutcomeItems SET Text = @Text, IsRetired = @IsRetired WHERE Id = @Id AND ProgrammeId = @ProgrammeId
        """;

    /// <summary>Everyone who took a place, with the dates their questionnaires fall due from.</summary>
    public const string SelectParticipantsForInvitations = """
        SELECT a.Id AS ApplicationId, a.DecidedAt AS AcceptedAt, c.EndsAt,
            (SELECT MAX(s.StartsAt) FROM CohortSessions s WHERE s.CohortId = c.Id) AS LastSessionStarts
        FROM CohortApplications a JOIN ProgrammeCohorts c ON c.Id = a.CohortId
        WHERE a.Status = 'Accepted' AND c.EndsAt IS NOT NULL
        ORDER BY a.Id
        """;

    public const string SelectInvitedTimepoints = "SELECT ApplicationId, Timepoint FROM OutcomeResponses";

    public const string InsertInvitation = """
        INSERT INTO OutcomeResponses (ApplicationId, Timepoint, InvitedAt) VALUES (@ApplicationId, @Timepoint, @Now)
        """;

    private const string ResponseColumns = """
        r.Id, r.ApplicationId, r.Timepoint, r.InvitedAt, r.SubmittedAt, r.GseTotal, r.ConfidenceMean, r.FollowUps,
            a.MemberId, a.CohortId, c.Title AS CohortTitle, p.Title AS ProgrammeTitle, p.Id AS ProgrammeId
        """;

    public const string SelectResponse = $"""
        SELECT {ResponseColumns} FROM OutcomeResponses r JOIN CohortApplications a ON a.Id = r.ApplicationId
            JOIN ProgrammeCohorts c ON c.Id = a.CohortId JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE r.ApplicationId = @ApplicationId AND r.Timepoint = @Timepoint
        """;

    public const string SelectResponsesOfMember = $"""
        SELECT {ResponseColumns} FROM OutcomeResponses r JOIN CohortApplications a ON a.Id = r.ApplicationId
            JOIN ProgrammeCohorts c ON c.Id = a.CohortId JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE a.MemberId = @MemberId ORDER BY r.InvitedAt, r.Id
        """;

    public const string CompleteResponse = """
        UPDATE OutcomeResponses SET SubmittedAt = @Now, GseTotal = @GseTotal, ConfidenceMean = @ConfidenceMean, FollowUps = @FollowUps
        WHERE Id = @Id AND SubmittedAt IS NULL
        """;

    public const string InsertAnswer = "INSERT INTO OutcomeAnswers (ResponseId, ItemKey, Value) VALUES (@ResponseId, @ItemKey, @Value)";

    /// <summary>Submitted answers for reports: per application, never with a name.</summary>
    public const string SelectSubmittedForCohorts = """
        SELECT r.ApplicationId, a.CohortId, r.Timepoint, r.GseTotal, r.ConfidenceMean, r.FollowUps
        FROM OutcomeResponses r JOIN CohortApplications a ON a.Id = r.ApplicationId
        WHERE r.SubmittedAt IS NOT NULL AND a.CohortId IN @CohortIds
        """;

    public const string SelectCohortCounts = """
        SELECT c.Id AS CohortId, c.Places,
            (SELECT COUNT(*) FROM CohortApplications a WHERE a.CohortId = c.Id) AS Applications,
            (SELECT COUNT(*) FROM CohortApplications a WHERE a.CohortId = c.Id AND a.Status = 'Accepted') AS Participants,
            (SELECT COUNT(*) FROM CohortApplications a WHERE a.CohortId = c.Id AND a.CompletedAt IS NOT NULL) AS Completed,
            (SELECT COUNT(*) FROM CohortSessions s WHERE s.CohortId = c.Id AND s.StartsAt <= @Now) AS SessionsHeld,
            (SELECT COUNT(*) FROM SessionAttendance t JOIN CohortSessions s ON s.Id = t.SessionId
                WHERE s.CohortId = c.Id AND t.Status IN ('Present', 'Late')) AS Attendances
        FROM ProgrammeCohorts c WHERE c.Id IN @CohortIds
        """;
}
