namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Every statement the programmes feature runs. Statuses and kinds are the codes in ProgrammeVocabulary.</summary>
public static class ProgrammesSql
{
    private const string Taken = "(SELECT COUNT(*) FROM CohortApplications a WHERE a.CohortId = c.Id AND a.Status IN ('Offered', 'Accepted'))";

    public const string SelectProgrammes = """
        SELECT Id, Slug, Title, Kind, Summary, Aims, WhoFor, IsPublished FROM Programmes
        WHERE IsPublished = 1 OR @IncludeDrafts = 1
        ORDER BY Title, Id
        """;

    public const string SelectProgramme = """
        SELECT Id, Slug, Title, Kind, Summary, Aims, WhoFor, IsPublished FROM Programmes WHERE Slug = @Slug
        """;

    public const string InsertProgramme = """
        INSERT INTO Programmes (Slug, Title, Kind, Summary, Aims, WhoFor, IsPublished, CreatedAt, UpdatedAt)
        VALUES (@Slug, @Title, @Kind, @Summary, @Aims, @WhoFor, @IsPublished, @Now, @Now)
        """;

    public const string UpdateProgramme = """
        UPDATE Programmes SET Title = @Title, Kind = @Kind, Summary = @Summary, Aims = @Aims, WhoFor = @WhoFor,
            IsPublished = @IsPublished, UpdatedAt = @Now
        WHERE Id = @Id
        """;

    public const string SelectCohortsOfProgramme = $"""
        SELECT c.Id, c.ProgrammeId, p.Slug AS ProgrammeSlug, p.Title AS ProgrammeTitle, p.Kind AS ProgrammeKind, p.IsPublished,
            c.Title, c.Mode, c.Venue, c.Places, {Taken} AS Taken, c.PartnerName, c.TimeZone, c.StartsAt, c.EndsAt, c.SetId
        FROM ProgrammeCohorts c JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE c.ProgrammeId = @ProgrammeId AND (@UpcomingOnly = 0 OR c.StartsAt > @Now)
        ORDER BY c.StartsAt, c.Id
        """;

    public const string SelectUpcomingCohorts = $"""
        SELECT c.Id, c.ProgrammeId, p.Slug AS ProgrammeSlug, p.Title AS ProgrammeTitle, p.Kind AS ProgrammeKind, p.IsPublished,
            c.Title, c.Mode, c.Venue, c.Places, {Taken} AS Taken, c.PartnerName, c.TimeZone, c.StartsAt, c.EndsAt, c.SetId
        FROM ProgrammeCohorts c JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE p.IsPublished = 1 AND c.StartsAt > @Now
        ORDER BY c.StartsAt, c.Id
        """;

    public const string SelectCohort = $"""
        SELECT c.Id, c.ProgrammeId, p.Slug AS ProgrammeSlug, p.Title AS ProgrammeTitle, p.Kind AS ProgrammeKind, p.IsPublished,
            c.Title, c.Mode, c.Venue, c.Places, {Taken} AS Taken, c.PartnerName, c.TimeZone, c.StartsAt, c.EndsAt, c.SetId
        FROM ProgrammeCohorts c JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE c.Id = @CohortId
        """;

    public const string InsertCohort = """
        INSERT INTO ProgrammeCohorts (ProgrammeId, Title, Mode, Venue, Places, PartnerName, TimeZone, StartsAt, EndsAt, SetId, CreatedAt, UpdatedAt)
        VALUES (@ProgrammeId, @Title, @Mode, @Venue, @Places, @PartnerName, @TimeZone, @StartsAt, @EndsAt, @SetId, @Now, @Now)
        """;

    public const string InsertFacilitator = "INSERT INTO CohortFacilitators (CohortId, MemberId) VALUES (@CohortId, @MemberId)";

    public const string InsertSession = """
        INSERT INTO CohortSessions (CohortId, Position, Kind, Title, StartsAt, DurationMinutes, MeetingId)
        VALUES (@CohortId, @Position, @Kind, @Title, @StartsAt, @DurationMinutes, @MeetingId)
        """;

    public const string SelectSessions = """
        SELECT Id, CohortId, Position, Kind, Title, StartsAt, DurationMinutes, MeetingId FROM CohortSessions
        WHERE CohortId = @CohortId ORDER BY Position, Id
        """;

    public const string SelectFacilitators = """
        SELECT m.Id AS MemberId, m.DisplayName, m.Handle FROM CohortFacilitators f JOIN Members m ON m.Id = f.MemberId
        WHERE f.CohortId = @CohortId ORDER BY m.DisplayName, m.Id
        """;

    public const string CountFacilitator = "SELECT COUNT(*) FROM CohortFacilitators WHERE CohortId = @CohortId AND MemberId = @MemberId";

    public const string SelectCurrentFacilitatorAccreditations = """
        SELECT MemberId FROM MentorAccreditations WHERE Kind = 'Facilitator' AND ExpiresOn >= @Today AND MemberId IN @MemberIds
        """;

    // Applications

    public const string InsertApplication = """
        INSERT INTO CohortApplications (CohortId, MemberId, Status, Why, Change, AccessNeeds, SubmittedAt)
        VALUES (@CohortId, @MemberId, 'Submitted', @Why, @Change, @AccessNeeds, @Now)
        """;

    private const string ApplicationColumns = """
        a.Id, a.CohortId, a.MemberId, m.DisplayName, m.Handle, m.Email, m.Language, a.Status, a.Why, a.Change, a.AccessNeeds,
            a.SubmittedAt, a.DecidedAt, a.DecisionMessage, a.OfferExpiresAt, a.WaitingSince
        """;

    public const string SelectApplicationsOfCohort = $"""
        SELECT {ApplicationColumns} FROM CohortApplications a JOIN Members m ON m.Id = a.MemberId
        WHERE a.CohortId = @CohortId ORDER BY a.SubmittedAt, a.Id
        """;

    public const string SelectApplication = $"""
        SELECT {ApplicationColumns} FROM CohortApplications a JOIN Members m ON m.Id = a.MemberId WHERE a.Id = @Id
        """;

    public const string SelectApplicationOf = $"""
        SELECT {ApplicationColumns} FROM CohortApplications a JOIN Members m ON m.Id = a.MemberId
        WHERE a.CohortId = @CohortId AND a.MemberId = @MemberId
        """;

    public const string SelectMyApplications = """
        SELECT a.Id, a.CohortId, c.Title AS CohortTitle, p.Title AS ProgrammeTitle, a.Status, c.StartsAt, c.TimeZone, a.OfferExpiresAt,
            a.DecisionMessage, a.SubmittedAt, c.SetId
        FROM CohortApplications a JOIN ProgrammeCohorts c ON c.Id = a.CohortId JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE a.MemberId = @MemberId ORDER BY a.SubmittedAt DESC, a.Id DESC
        """;

    /// <summary>Offers only while a place is free: the count and the change are one statement, so two offers cannot share a place.</summary>
    public const string OfferPlace = """
        UPDATE CohortApplications SET Status = 'Offered', DecidedAt = @Now, OfferExpiresAt = @ExpiresAt, DecisionMessage = NULL
        WHERE Id = @Id AND Status IN ('Submitted', 'Waiting')
            AND (SELECT COUNT(*) FROM CohortApplications t WHERE t.CohortId = @CohortId AND t.Status IN ('Offered', 'Accepted'))
                < (SELECT c.Places FROM ProgrammeCohorts c WHERE c.Id = @CohortId)
        """;

    public const string PutOnWaitingList = """
        UPDATE CohortApplications SET Status = 'Waiting', DecidedAt = @Now, WaitingSince = COALESCE(WaitingSince, @Now)
        WHERE Id = @Id AND Status IN ('Submitted', 'Waiting')
        """;

    public const string DeclineApplication = """
        UPDATE CohortApplications SET Status = 'Declined', DecidedAt = @Now, DecisionMessage = @Message, OfferExpiresAt = NULL
        WHERE Id = @Id AND Status IN ('Submitted', 'Waiting')
        """;

    public const string AcceptOffer = """
        UPDATE CohortApplications SET Status = 'Accepted', DecidedAt = @Now, OfferExpiresAt = NULL
        WHERE Id = @Id AND MemberId = @MemberId AND Status = 'Offered' AND OfferExpiresAt > @Now
        """;

    public const string Withdraw = """
        UPDATE CohortApplications SET Status = 'Withdrawn', DecidedAt = @Now, OfferExpiresAt = NULL
        WHERE Id = @Id AND MemberId = @MemberId AND Status IN ('Submitted', 'Waiting', 'Offered', 'Accepted')
        """;

    public const string LapseOffer = """
        UPDATE CohortApplications SET Status = 'Lapsed', DecidedAt = @Now, OfferExpiresAt = NULL
        WHERE Id = @Id AND Status = 'Offered' AND OfferExpiresAt <= @Now
        """;

    public const string SelectLapsedOffers = "SELECT Id FROM CohortApplications WHERE Status = 'Offered' AND OfferExpiresAt <= @Now ORDER BY Id";

    /// <summary>The next person waiting: first on the list first.</summary>
    public const string SelectNextWaiting = """
        SELECT Id FROM CohortApplications WHERE CohortId = @CohortId AND Status = 'Waiting' ORDER BY WaitingSince, Id
        """;

    public const string SelectDueCoordinatorReminders = """
        SELECT a.Id, a.CohortId FROM CohortApplications a
        WHERE a.Status = 'Submitted' AND a.SubmittedAt <= @Before AND a.CoordinatorRemindedAt IS NULL ORDER BY a.CohortId, a.Id
        """;

    public const string ClaimCoordinatorReminder = """
        UPDATE CohortApplications SET CoordinatorRemindedAt = @Now WHERE Id = @Id AND CoordinatorRemindedAt IS NULL
        """;

    /// <summary>Applications still without an answer in cohorts that start soon: they get their final answer now.</summary>
    public const string SelectDueFinalAnswers = """
        SELECT a.Id FROM CohortApplications a JOIN ProgrammeCohorts c ON c.Id = a.CohortId
        WHERE a.Status IN ('Submitted', 'Waiting') AND c.StartsAt <= @Horizon ORDER BY a.Id
        """;

    public const string SelectProgrammeCoordinators = """
        SELECT m.Id, m.Email, m.DisplayName, m.Handle, m.Language FROM Members m
        WHERE EXISTS (SELECT 1 FROM MemberRoles r WHERE r.MemberId = m.Id AND r.Role IN ('ProgrammeCoordinator', 'Admin'))
            AND (m.SuspendedUntil IS NULL OR m.SuspendedUntil <= @Now)
        ORDER BY m.Id
        """;

    public const string SelectApplicationsForExport = """
        SELECT a.CohortId, c.Title AS Cohort, p.Title AS Programme, a.Status, a.Why, a.Change, a.AccessNeeds, a.SubmittedAt, a.DecidedAt,
            a.DecisionMessage
        FROM CohortApplications a JOIN ProgrammeCohorts c ON c.Id = a.CohortId JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE a.MemberId = @MemberId ORDER BY a.Id
        """;
}
