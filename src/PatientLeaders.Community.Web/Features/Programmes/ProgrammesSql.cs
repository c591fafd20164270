namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Every statement the programmes feature runs. Statuses and kinds are the codes in ProgrammeVocabulary.</summary>
public static partial class ProgrammesSql
{
    private const string Taken = "(SELECT COUNT(*) FROM CohortApplications a WHERE a.CohortId = c.Id AND a.Status IN ('Offered', 'Accepted'))";

    public const string SelectProgrammes = """
        SELECT Id, Slug, Title, Kind, Summary, Aims, WhoFor, IsPublished, MinSessions, MinCoachingCalls, AlumniCategoryId FROM Programmes
        WHERE IsPublished = 1 OR @IncludeDrafts = 1
        ORDER BY Title, Id
        """;

    public const string SelectProgramme = """
        SELECT Id, Slug, Title, Kind, Summary, Aims, WhoFor, IsPublished, MinSessions, MinCoachingCalls, AlumniCategoryId FROM Programmes WHERE Slug = @Slug
        """;

    public const string InsertProgramme = """
        INSERT INTO Programmes (Slug, Title, Kind, Summary, Aims, WhoFor, IsPublished, MinSessions, MinCoachingCalls, CreatedAt, UpdatedAt)
        VALUES (@Slug, @Title, @Kind, @Summary, @Aims, @WhoFor, @IsPublished, @MinSessions, @MinCoachingCalls, @Now, @Now)
        """;

    public const string UpdateProgramme = """
        UPDATE Programmes SET Title = @Title, Kind = @Kind, Summary = @Summary, Aims = @Aims, WhoFor = @WhoFor,
            IsPublished = @IsPublished, MinSessions = @MinSessions, MinCoachingCalls = @MinCoachingCalls, UpdatedAt = @Now
        WHERE Id = @Id
        """;

    public const string SelectCohortsOfProgramme = $"""
        SELECT c.Id, c.ProgrammeId, p.Slug AS ProgrammeSlug, p.Title AS ProgrammeTitle, p.Kind AS ProgrammeKind, p.IsPublished,
            c.Title, c.Mode, c.Venue, c.Places, {Taken} AS Taken, c.PartnerName, c.TimeZone, c.StartsAt, c.EndsAt, c.SetId, c.CategoryId, p.MinSessions, p.MinCoachingCalls, c.CalendarSequence, c.RunAbroad, c.ReservedForPartner, c.PartnerCode
        FROM ProgrammeCohorts c JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE c.ProgrammeId = @ProgrammeId AND (@UpcomingOnly = 0 OR c.StartsAt > @Now)
        ORDER BY c.StartsAt, c.Id
        """;

    public const string SelectUpcomingCohorts = $"""
        SELECT c.Id, c.ProgrammeId, p.Slug AS ProgrammeSlug, p.Title AS ProgrammeTitle, p.Kind AS ProgrammeKind, p.IsPublished,
            c.Title, c.Mode, c.Venue, c.Places, {Taken} AS Taken, c.PartnerName, c.TimeZone, c.StartsAt, c.EndsAt, c.SetId, c.CategoryId, p.MinSessions, p.MinCoachingCalls, c.CalendarSequence, c.RunAbroad, c.ReservedForPartner, c.PartnerCode
        FROM ProgrammeCohorts c JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE p.IsPublished = 1 AND c.StartsAt > @Now
        ORDER BY c.StartsAt, c.Id
        """;

    public const string SelectCohort = $"""
        SELECT c.Id, c.ProgrammeId, p.Slug AS ProgrammeSlug, p.Title AS ProgrammeTitle, p.Kind AS ProgrammeKind, p.IsPublished,
            c.Title, c.Mode, c.Venue, c.Places, {Taken} AS Taken, c.PartnerName, c.TimeZone, c.StartsAt, c.EndsAt, c.SetId, c.CategoryId, p.MinSessions, p.MinCoachingCalls, c.CalendarSequence, c.RunAbroad, c.ReservedForPartner, c.PartnerCode
        FROM ProgrammeCohorts c JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE c.Id = @CohortId
        """;

    public const string InsertCohort = """
        INSERT INTO ProgrammeCohorts (ProgrammeId, Title, Mode, Venue, Places, PartnerName, TimeZone, StartsAt, EndsAt, SetId, RunAbroad,
            ReservedForPartner, PartnerCode, CreatedAt, UpdatedAt)
        VALUES (@ProgrammeId, @Title, @Mode, @Venue, @Places, @PartnerName, @TimeZone, @StartsAt, @EndsAt, @SetId, @RunAbroad,
            @ReservedForPartner, @PartnerCode, @Now, @Now)
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

    public const string SelectFacilitatorPeople = """
        SELECT m.Id, m.Email, m.DisplayName, m.Handle, m.Language FROM CohortFacilitators f JOIN Members m ON m.Id = f.MemberId WHERE f.CohortId = @CohortId
        """;

    public const string CountFacilitator = "SELECT COUNT(*) FROM CohortFacilitators WHERE CohortId = @CohortId AND MemberId = @MemberId";

    public const string SelectCurrentFacilitatorAccreditations = """
        SELECT MemberId FROM MentorAccreditations WHERE Kind = 'Facilitator' AND ExpiresOn >= @Today AND MemberId IN @MemberIds
        """;

    // Applications

    public const string InsertApplication = """
        INSERT INTO CohortApplications (CohortId, MemberId, Status, Why, Change, AccessNeeds, TakingPartAs, Organisation, SubmittedAt)
        VALUES (@CohortId, @MemberId, 'Submitted', @Why, @Change, @AccessNeeds, @TakingPartAs, @Organisation, @Now)
        """;

    private const string ApplicationColumns = """
        a.Id, a.CohortId, a.MemberId, m.DisplayName, m.Handle, m.Email, m.Language, a.Status, a.Why, a.Change, a.AccessNeeds,
            a.SubmittedAt, a.DecidedAt, a.DecisionMessage, a.OfferExpiresAt, a.WaitingSince, a.CoachRelationshipId, a.CompletedAt,
            a.PracticeSignedOffAt, a.TakingPartAs, a.Organisation
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
        WHERE Id = @Id AND CohortId = @CohortId AND Status IN ('Submitted', 'Waiting')
            AND (SELECT COUNT(*) FROM CohortApplications t WHERE t.CohortId = @CohortId AND t.Status IN ('Offered', 'Accepted'))
                < (SELECT c.Places FROM ProgrammeCohorts c WHERE c.Id = @CohortId)
        """;

    public const string LockCohort = "UPDATE ProgrammeCohorts SET UpdatedAt = UpdatedAt WHERE Id = @CohortId";

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
        WHERE Id = @Id AND MemberId = @MemberId AND Status IN ('Submitted', 'Waiting', 'Offered', 'Accepted') AND CompletedAt IS NULL
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
        SELECT a.CohortId, c.Title AS Cohort, p.Title AS Programme, a.Status, a.Why, a.Change, a.AccessNeeds, a.TakingPartAs, a.Organisation,
            a.SubmittedAt, a.DecidedAt, a.DecisionMessage, a.CompletedAt, a.PracticeSignedOffAt
        FROM CohortApplications a JOIN ProgrammeCohorts c ON c.Id = a.CohortId JOIN Programmes p ON p.Id = c.ProgrammeId
        WHERE a.MemberId = @MemberId ORDER BY a.Id
        """;

    public const string SelectAttendanceForExport = """
        SELECT s.CohortId, s.Position AS Session, s.StartsAt, t.Status FROM SessionAttendance t JOIN CohortSessions s ON s.Id = t.SessionId
        WHERE t.MemberId = @MemberId ORDER BY s.CohortId, s.Position
        """;

    public const string SelectOutcomeAnswersForExport = """
        SELECT a.CohortId, r.Timepoint, r.SubmittedAt, r.GseTotal, r.ConfidenceMean, r.FollowUps, x.ItemKey, x.Value
        FROM OutcomeResponses r JOIN CohortApplications a ON a.Id = r.ApplicationId LEFT JOIN OutcomeAnswers x ON x.ResponseId = r.Id
        WHERE a.MemberId = @MemberId ORDER BY r.Id, x.ItemKey
        """;

    public const string SetProgrammeAlumniCategory = "UPDATE Programmes SET AlumniCategoryId = @CategoryId WHERE Id = @Id";

    public const string MoveSession = """
        UPDATE CohortSessions SET StartsAt = @StartsAt, DurationMinutes = @DurationMinutes WHERE Id = @Id AND CohortId = @CohortId
        """;

    /// <summary>After sessions move: the cohort's dates follow them, and its calendar sequence rises.</summary>
    public const string RedateCohort = """
        UPDATE ProgrammeCohorts SET
            StartsAt = (SELECT MIN(s.StartsAt) FROM CohortSessions s WHERE s.CohortId = @CohortId),
            EndsAt = @EndsAt, CalendarSequence = CalendarSequence + 1, UpdatedAt = @Now
        WHERE Id = @CohortId
        """;

    public const string InsertTrio = """
        INSERT INTO CohortTrios (CohortId, SetId, Organisation, CreatedAt) VALUES (@CohortId, @SetId, @Organisation, @Now)
        """;

    public const string SelectTrios = "SELECT Id, CohortId, SetId, Organisation FROM CohortTrios WHERE CohortId = @CohortId ORDER BY Id";

    /// <summary>What the Centre's five-year goals count: cohorts run (ended), in the UK and abroad; graduates signed
    /// off to deliver; and people who took a place on a cohort held online.</summary>
    public const string SelectGoalCounts = """
        SELECT
            (SELECT COUNT(*) FROM ProgrammeCohorts WHERE EndsAt <= @Now AND RunAbroad = 0) AS ProgrammesUk,
            (SELECT COUNT(*) FROM ProgrammeCohorts WHERE EndsAt <= @Now AND RunAbroad = 1) AS ProgrammesAbroad,
            (SELECT COUNT(DISTINCT MemberId) FROM CohortApplications WHERE PracticeSignedOffAt IS NOT NULL) AS TrainedToDeliver,
            (SELECT COUNT(DISTINCT a.MemberId) FROM CohortApplications a JOIN ProgrammeCohorts c ON c.Id = a.CohortId
                WHERE a.Status = 'Accepted' AND c.Mode IN ('Online', 'Both')) AS OnlineLearners
        """;

    public const string SetCohortCategory = "UPDATE ProgrammeCohorts SET CategoryId = @CategoryId WHERE Id = @Id";

    // Attendance, coaching and completion

    public const string SelectAttendanceOfCohort = """
        SELECT t.SessionId, t.MemberId, t.Status FROM SessionAttendance t JOIN CohortSessions s ON s.Id = t.SessionId
        WHERE s.CohortId = @CohortId
        """;

    /// <summary>Who joined the set's room for the cohort's action learning sessions: a join counts as present until recorded otherwise.</summary>
    public const string SelectRoomJoinsOfCohort = """
        SELECT s.Id AS SessionId, m.MemberId FROM CohortSessions s JOIN MeetingAttendance m ON m.MeetingId = s.MeetingId
        WHERE s.CohortId = @CohortId
        """;

    public const string DeleteAttendance = "DELETE FROM SessionAttendance WHERE SessionId = @SessionId AND MemberId = @MemberId";

    public const string InsertAttendance = """
        INSERT INTO SessionAttendance (SessionId, MemberId, Status, RecordedAt) VALUES (@SessionId, @MemberId, @Status, @Now)
        """;

    public const string UpdateAttendance = """
        UPDATE SessionAttendance SET Status = @Status, RecordedAt = @Now WHERE SessionId = @SessionId AND MemberId = @MemberId
        """;

    /// <summary>Claims the one catch-up offer a missed session earns.</summary>
    public const string ClaimCatchUp = """
        UPDATE SessionAttendance SET CatchUpOfferedAt = @Now
        WHERE SessionId = @SessionId AND MemberId = @MemberId AND CatchUpOfferedAt IS NULL AND Status IN ('Absent', 'Excused')
        """;

    public const string SelectCoachName = """
        SELECT m.DisplayName FROM MentoringRelationships r JOIN Members m ON m.Id = r.MentorId WHERE r.Id = @RelationshipId
        """;

    public const string CountCoachingCalls = "SELECT COUNT(*) FROM MentoringSessions WHERE RelationshipId = @RelationshipId";

    public const string SelectApplicationByCoachRelationship = "SELECT Id FROM CohortApplications WHERE CoachRelationshipId = @RelationshipId";

    public const string SetCoach = """
        UPDATE CohortApplications SET CoachRelationshipId = @RelationshipId WHERE Id = @Id AND Status = 'Accepted' AND CoachRelationshipId IS NULL
        """;

    public const string MarkCompleted = "UPDATE CohortApplications SET CompletedAt = @Now WHERE Id = @Id AND Status = 'Accepted' AND CompletedAt IS NULL";

    public const string MarkPracticeSignedOff = """
        UPDATE CohortApplications SET PracticeSignedOffAt = @Now WHERE Id = @Id AND CompletedAt IS NOT NULL AND PracticeSignedOffAt IS NULL
        """;

    public const string SelectAcceptedWithoutCompletion = "SELECT Id FROM CohortApplications WHERE Status = 'Accepted' AND CompletedAt IS NULL ORDER BY Id";

    // Certificates

    public const string InsertCertificate = """
        INSERT INTO ProgrammeCertificates (Code, ApplicationId, MemberId, ProgrammeTitle, CohortTitle, IssuedName, IssuedAt, IsPublic)
        VALUES (@Code, @ApplicationId, @MemberId, @ProgrammeTitle, @CohortTitle, @IssuedName, @Now, 0)
        """;

    private const string CertificateColumns = """
        Code, ApplicationId, MemberId, ProgrammeTitle, CohortTitle, IssuedName, IssuedAt, IsPublic, RevokedAt, RevokedReason, ReplacedBy
        """;

    public const string SelectCertificate = $"SELECT {CertificateColumns} FROM ProgrammeCertificates WHERE Code = @Code";

    public const string SelectCertificatesOfMember = $"SELECT {CertificateColumns} FROM ProgrammeCertificates WHERE MemberId = @MemberId ORDER BY IssuedAt DESC";

    /// <summary>The application's current certificate: the one not revoked.</summary>
    public const string SelectCertificateOfApplication = $"SELECT {CertificateColumns} FROM ProgrammeCertificates WHERE ApplicationId = @ApplicationId AND RevokedAt IS NULL";

    public const string RevokeCertificate = """
        UPDATE ProgrammeCertificates SET RevokedAt = @Now, RevokedReason = @Reason, RevokedById = @By, ReplacedBy = @ReplacedBy
        WHERE Code = @Code AND RevokedAt IS NULL
        """;

    public const string ReissueCertificate = """
        INSERT INTO ProgrammeCertificates (Code, ApplicationId, MemberId, ProgrammeTitle, CohortTitle, IssuedName, IssuedAt, IsPublic)
        SELECT @NewCode, c.ApplicationId, c.MemberId, c.ProgrammeTitle, c.CohortTitle, m.DisplayName, c.IssuedAt, c.IsPublic
        FROM ProgrammeCertificates c JOIN Members m ON m.Id = c.MemberId WHERE c.Code = @Code AND c.RevokedAt IS NULL
        """;

    public const string SetCertificatePublic = "UPDATE ProgrammeCertificates SET IsPublic = @IsPublic WHERE Code = @Code AND MemberId = @MemberId";

    // Materials

    public const string InsertMaterial = """
        INSERT INTO CohortMaterials (CohortId, SessionId, Title, Body, FileId, VisibleFrom, CreatedAt)
        VALUES (@CohortId, @SessionId, @Title, @Body, @FileId, @VisibleFrom, @Now)
        """;

    private const string MaterialColumns = """
        m.Id, m.CohortId, m.SessionId, m.Title, m.Body, m.FileId, m.VisibleFrom, f.OriginalName AS FileName, f.Size AS FileSize, f.Kind AS FileKind
        """;

    public const string SelectMaterials = $"""
        SELECT {MaterialColumns} FROM CohortMaterials m LEFT JOIN UploadedFiles f ON f.Id = m.FileId
        WHERE m.CohortId = @CohortId ORDER BY m.VisibleFrom, m.Id
        """;

    public const string SelectMaterial = $"""
        SELECT {MaterialColumns} FROM CohortMaterials m LEFT JOIN UploadedFiles f ON f.Id = m.FileId
        WHERE m.Id = @Id AND m.CohortId = @CohortId
        """;

    public const string DeleteMaterial = "DELETE FROM CohortMaterials WHERE Id = @Id AND CohortId = @CohortId";
}
