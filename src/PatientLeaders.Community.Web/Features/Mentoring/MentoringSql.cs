namespace PatientLeaders.Community.Web.Features.Mentoring;

public static class MentoringSql
{
    // Offers and the pool

    public const string SelectOffer = """
        SELECT MemberId, Summary, FocusAreas, Themes, ThemesConsentAt, Languages, Region, Formats, Paces, Availability,
            Capacity, ActiveCount, IsPaused, UpdatedAt
        FROM MentorOffers WHERE MemberId = @MemberId
        """;

    public const string UpdateOffer = """
        UPDATE MentorOffers SET Summary = @Summary, FocusAreas = @FocusAreas, Themes = @Themes, ThemesConsentAt = @ThemesConsentAt,
            Languages = @Languages, Region = @Region, Formats = @Formats, Paces = @Paces, Availability = @Availability,
            Capacity = @Capacity, IsPaused = @IsPaused, UpdatedAt = @Now
        WHERE MemberId = @MemberId
        """;

    public const string InsertOffer = """
        INSERT INTO MentorOffers (MemberId, Summary, FocusAreas, Themes, ThemesConsentAt, Languages, Region, Formats, Paces, Availability,
            Capacity, ActiveCount, IsPaused, CreatedAt, UpdatedAt)
        VALUES (@MemberId, @Summary, @FocusAreas, @Themes, @ThemesConsentAt, @Languages, @Region, @Formats, @Paces, @Availability,
            @Capacity, 0, @IsPaused, @Now, @Now)
        """;

    public const string SetPaused = "UPDATE MentorOffers SET IsPaused = @IsPaused, UpdatedAt = @Now WHERE MemberId = @MemberId";

    /// <summary>Mentors with the Mentor role and an offer, not suspended, with their load and newest mentoring accreditation.</summary>
    public const string SelectCandidates = """
        SELECT o.MemberId AS MentorId, m.DisplayName, m.Handle, o.Summary, o.FocusAreas, o.Themes, o.ThemesConsentAt, o.Languages, o.Region,
            o.Formats, o.Paces, o.Availability, o.Capacity, o.ActiveCount, o.IsPaused,
            (SELECT COUNT(*) FROM MentoringRequestChoices c WHERE c.MentorId = o.MemberId AND c.Status = 'Pending') AS PendingCount,
            (SELECT MAX(a.ExpiresOn) FROM MentorAccreditations a WHERE a.MemberId = o.MemberId AND a.Kind IN ('Coach', 'Mentor')) AS AccreditedUntil
        FROM MentorOffers o
        JOIN Members m ON m.Id = o.MemberId
        WHERE EXISTS (SELECT 1 FROM MemberRoles r WHERE r.MemberId = o.MemberId AND r.Role = 'Mentor')
            AND (m.SuspendedUntil IS NULL OR m.SuspendedUntil <= @Now)
        ORDER BY o.MemberId
        """;

    /// <summary>Only a raise that stays within capacity happens; two accepts racing for the last place cannot both succeed.</summary>
    public const string TakePlace = """
        UPDATE MentorOffers SET ActiveCount = ActiveCount + 1, UpdatedAt = @Now
        WHERE MemberId = @MentorId AND ActiveCount < Capacity
        """;

    /// <summary>An arranged relationship (a programme's coach) counts towards the load whatever the capacity.</summary>
    public const string CountArrangedPlace = "UPDATE MentorOffers SET ActiveCount = ActiveCount + 1, UpdatedAt = @Now WHERE MemberId = @MentorId";

    public const string FreePlace = "UPDATE MentorOffers SET ActiveCount = ActiveCount - 1, UpdatedAt = @Now WHERE MemberId = @MentorId AND ActiveCount > 0";

    /// <summary>Mentors, and facilitators (whose facilitator accreditations are kept here too, for sets and programmes).</summary>
    public const string SelectMentorMember = """
        SELECT m.Id, m.Email, m.DisplayName, m.Handle FROM Members m
        WHERE m.Id = @MemberId AND EXISTS (SELECT 1 FROM MemberRoles r WHERE r.MemberId = m.Id AND r.Role IN ('Mentor', 'Facilitator'))
        """;

    /// <summary>Someone a mail goes to, with their saved language (mail is written in it).</summary>
    public const string SelectMember = "SELECT Id, Email, DisplayName, Handle, Language FROM Members WHERE Id = @MemberId";

    /// <summary>Coordinators first; if there are none, administrators, so that nothing waits with nobody told.</summary>
    public const string SelectCoordinators = """
        SELECT m.Id, m.Email, m.DisplayName, m.Handle, m.Language FROM Members m
        WHERE EXISTS (SELECT 1 FROM MemberRoles r WHERE r.MemberId = m.Id AND r.Role = @Role)
            AND (m.SuspendedUntil IS NULL OR m.SuspendedUntil <= @Now)
        ORDER BY m.Id
        """;

    // Accreditations

    public const string SelectAccreditations = """
        SELECT Id, MemberId, Kind, GainedOn, ExpiresOn, ExpiryNoticeSentAt FROM MentorAccreditations
        WHERE MemberId = @MemberId ORDER BY ExpiresOn DESC, Id DESC
        """;

    public const string InsertAccreditation = """
        INSERT INTO MentorAccreditations (MemberId, Kind, GainedOn, ExpiresOn, RecordedAt)
        VALUES (@MemberId, @Kind, @GainedOn, @ExpiresOn, @Now)
        """;

    /// <summary>A renewal clears the notice, so the next expiry is announced in its turn.</summary>
    public const string RenewAccreditation = """
        UPDATE MentorAccreditations SET ExpiresOn = @ExpiresOn, ExpiryNoticeSentAt = NULL, RecordedAt = @Now
        WHERE Id = @Id AND MemberId = @MemberId
        """;

    public const string DeleteAccreditation = "DELETE FROM MentorAccreditations WHERE Id = @Id AND MemberId = @MemberId";

    public const string SelectExpiringAccreditations = """
        SELECT a.Id, a.MemberId, a.Kind, a.GainedOn, a.ExpiresOn, m.DisplayName AS MentorName
        FROM MentorAccreditations a JOIN Members m ON m.Id = a.MemberId
        WHERE a.ExpiryNoticeSentAt IS NULL AND a.ExpiresOn <= @Horizon
        ORDER BY a.ExpiresOn, a.Id
        """;

    /// <summary>Claims the notice: only the run that changes the row writes the mail.</summary>
    public const string ClaimExpiryNotice = """
        UPDATE MentorAccreditations SET ExpiryNoticeSentAt = @Now
        WHERE Id = @Id AND ExpiryNoticeSentAt IS NULL AND ExpiresOn <= @Horizon
        """;

    // Requests

    public const string InsertRequest = """
        INSERT INTO MentoringRequests (MenteeId, Goals, FocusAreas, Themes, PrivateThemes, ThemesConsentAt, Language, LanguageRequired,
            Format, FormatRequired, Region, Pace, AskAllAtOnce, Status, CreatedAt, UpdatedAt)
        VALUES (@MenteeId, @Goals, @FocusAreas, @Themes, @PrivateThemes, @ThemesConsentAt, @Language, @LanguageRequired,
            @Format, @FormatRequired, @Region, @Pace, 0, 'Choosing', @Now, @Now)
        """;

    private const string RequestColumns = """
        r.Id, r.MenteeId, m.DisplayName AS MenteeName, m.Handle AS MenteeHandle, r.Goals, r.FocusAreas, r.Themes, r.PrivateThemes,
            r.Language, r.LanguageRequired, r.Format, r.FormatRequired, r.Region, r.Pace, r.AskAllAtOnce, r.Status,
            r.CreatedAt, r.UpdatedAt, r.MatchedAt, r.ClosedMessage
        """;

    public const string SelectRequest = "SELECT " + RequestColumns + " FROM MentoringRequests r JOIN Members m ON m.Id = r.MenteeId WHERE r.Id = @Id";

    public const string SelectRequestsOfMentee = "SELECT " + RequestColumns + """
         FROM MentoringRequests r JOIN Members m ON m.Id = r.MenteeId
        WHERE r.MenteeId = @MenteeId ORDER BY r.CreatedAt DESC, r.Id DESC
        """;

    public const string SelectOpenRequests = "SELECT " + RequestColumns + """
         FROM MentoringRequests r JOIN Members m ON m.Id = r.MenteeId
        WHERE r.Status IN ('Choosing', 'Waiting', 'WithCoordinators') ORDER BY r.CreatedAt, r.Id
        """;

    public const string SelectChoices = """
        SELECT c.Id, c.RequestId, c.MentorId, m.DisplayName AS MentorName, m.Handle AS MentorHandle, c.ChoiceOrder, c.Status,
            c.SuggestedByCoordinator, c.SentAt, c.RemindedAt, c.RespondedAt, c.DeclineMessage
        FROM MentoringRequestChoices c JOIN Members m ON m.Id = c.MentorId
        WHERE c.RequestId IN @RequestIds ORDER BY c.RequestId, c.ChoiceOrder, c.Id
        """;

    public const string SelectChoicesForMentor = """
        SELECT c.Id, c.RequestId, c.MentorId, m.DisplayName AS MentorName, m.Handle AS MentorHandle, c.ChoiceOrder, c.Status,
            c.SuggestedByCoordinator, c.SentAt, c.RemindedAt, c.RespondedAt, c.DeclineMessage, r.MenteeId, mm.DisplayName AS MenteeName
        FROM MentoringRequestChoices c
        JOIN Members m ON m.Id = c.MentorId
        JOIN MentoringRequests r ON r.Id = c.RequestId
        JOIN Members mm ON mm.Id = r.MenteeId
        WHERE c.MentorId = @MentorId AND c.Status = 'Pending' ORDER BY c.SentAt, c.Id
        """;

    public const string InsertChoice = """
        INSERT INTO MentoringRequestChoices (RequestId, MentorId, ChoiceOrder, Status, SuggestedByCoordinator, SentAt)
        VALUES (@RequestId, @MentorId, @ChoiceOrder, @Status, @SuggestedByCoordinator, @SentAt)
        """;

    public const string SelectNextChoiceOrder = "SELECT COALESCE(MAX(ChoiceOrder), 0) + 1 FROM MentoringRequestChoices WHERE RequestId = @RequestId";

    public const string MoveRequest = """
        UPDATE MentoringRequests SET Status = @To, UpdatedAt = @Now WHERE Id = @Id AND Status IN @From
        """;

    public const string CloseRequest = """
        UPDATE MentoringRequests SET Status = 'Closed', ClosedMessage = @Message, UpdatedAt = @Now
        WHERE Id = @Id AND Status IN ('Choosing', 'Waiting', 'WithCoordinators')
        """;

    public const string SetAskAllAtOnce = "UPDATE MentoringRequests SET AskAllAtOnce = @AskAllAtOnce WHERE Id = @Id";

    public const string MatchRequest = """
        UPDATE MentoringRequests SET Status = 'Matched', MatchedAt = @Now, UpdatedAt = @Now WHERE Id = @Id AND Status = 'Waiting'
        """;

    public const string ResolveChoice = """
        UPDATE MentoringRequestChoices SET Status = @To, RespondedAt = @Now, DeclineMessage = @DeclineMessage
        WHERE Id = @Id AND Status = 'Pending'
        """;

    public const string SendChoice = "UPDATE MentoringRequestChoices SET Status = 'Pending', SentAt = @Now WHERE Id = @Id AND Status = 'Queued'";

    public const string SkipChoice = "UPDATE MentoringRequestChoices SET Status = 'Withdrawn', RespondedAt = @Now WHERE Id = @Id AND Status = 'Queued'";

    public const string WithdrawOpenChoices = """
        UPDATE MentoringRequestChoices SET Status = 'Withdrawn', RespondedAt = @Now WHERE RequestId = @RequestId AND Status IN ('Pending', 'Queued')
        """;

    public const string SelectPendingChoicesOfMentor = "SELECT Id FROM MentoringRequestChoices WHERE MentorId = @MentorId AND Status = 'Pending' ORDER BY Id";

    public const string SelectDueReminders = """
        SELECT Id FROM MentoringRequestChoices WHERE Status = 'Pending' AND RemindedAt IS NULL AND SentAt <= @Cutoff ORDER BY Id
        """;

    public const string ClaimReminder = """
        UPDATE MentoringRequestChoices SET RemindedAt = @Now WHERE Id = @Id AND Status = 'Pending' AND RemindedAt IS NULL AND SentAt <= @Cutoff
        """;

    public const string SelectDueHandOns = "SELECT Id FROM MentoringRequestChoices WHERE Status = 'Pending' AND SentAt <= @Cutoff ORDER BY Id";

    public const string TimeOutChoice = """
        UPDATE MentoringRequestChoices SET Status = 'TimedOut', RespondedAt = @Now WHERE Id = @Id AND Status = 'Pending' AND SentAt <= @Cutoff
        """;

    public const string SelectChoice = """
        SELECT c.Id, c.RequestId, c.MentorId, m.DisplayName AS MentorName, m.Handle AS MentorHandle, c.ChoiceOrder, c.Status,
            c.SuggestedByCoordinator, c.SentAt, c.RemindedAt, c.RespondedAt, c.DeclineMessage
        FROM MentoringRequestChoices c JOIN Members m ON m.Id = c.MentorId WHERE c.Id = @Id
        """;

    // Relationships

    public const string InsertRelationship = """
        INSERT INTO MentoringRelationships (RequestId, MentorId, MenteeId, Status, StartedAt)
        VALUES (@RequestId, @MentorId, @MenteeId, 'Active', @Now)
        """;

    private const string RelationshipColumns = """
        x.Id, x.RequestId, x.MentorId, mentor.DisplayName AS MentorName, mentor.Handle AS MentorHandle,
            x.MenteeId, mentee.DisplayName AS MenteeName, mentee.Handle AS MenteeHandle, x.Status, x.StartedAt, x.AgreedEndOn,
            x.FirstSessionAt, x.LastSessionAt, x.ClosingSuggestedAt, x.MentorFit, x.MenteeFit, x.FitConcernHandledAt,
            x.EndedAt, x.EndedBy, x.EndReason, x.MentorFeedback, x.MenteeFeedback
        FROM MentoringRelationships x
        JOIN Members mentor ON mentor.Id = x.MentorId
        JOIN Members mentee ON mentee.Id = x.MenteeId
        """;

    /// <summary>The pair only: anyone else, coordinators and admins included, gets nothing and so a 404.</summary>
    public const string SelectRelationshipForMember = "SELECT " + RelationshipColumns + " WHERE x.Id = @Id AND (x.MentorId = @MemberId OR x.MenteeId = @MemberId)";

    public const string SelectRelationshipById = "SELECT " + RelationshipColumns + " WHERE x.Id = @Id";

    public const string SelectRelationshipsOfMember = "SELECT " + RelationshipColumns + """
         WHERE x.MentorId = @MemberId OR x.MenteeId = @MemberId ORDER BY x.StartedAt DESC, x.Id DESC
        """;

    public const string SelectActiveRelationships = "SELECT " + RelationshipColumns + " WHERE x.Status = 'Active' ORDER BY x.StartedAt, x.Id";

    public const string SelectRecentlyEnded = "SELECT " + RelationshipColumns + " WHERE x.Status <> 'Active' AND x.EndedAt >= @Since ORDER BY x.EndedAt DESC, x.Id DESC";

    public const string SelectActivePair = """
        SELECT COUNT(*) FROM MentoringRelationships WHERE MentorId = @MentorId AND MenteeId = @MenteeId AND Status = 'Active'
        """;

    public const string SelectActiveMentorsOfMentee = "SELECT MentorId FROM MentoringRelationships WHERE MenteeId = @MenteeId AND Status = 'Active'";

    public const string SelectMatchTimes = """
        SELECT CreatedAt, MatchedAt FROM MentoringRequests WHERE MatchedAt IS NOT NULL AND MatchedAt >= @Since
        """;

    public const string SetAgreedEnd = """
        UPDATE MentoringRelationships SET AgreedEndOn = @AgreedEndOn, ClosingSuggestedAt = NULL WHERE Id = @Id AND Status = 'Active'
        """;

    public const string RecordSession = """
        UPDATE MentoringRelationships SET
            FirstSessionAt = CASE WHEN FirstSessionAt IS NULL THEN @Now ELSE FirstSessionAt END,
            LastSessionAt = CASE WHEN LastSessionAt IS NULL OR LastSessionAt < @HeldOn THEN @HeldOn ELSE LastSessionAt END
        WHERE Id = @Id
        """;

    public const string SetMentorFit = "UPDATE MentoringRelationships SET MentorFit = @Answer WHERE Id = @Id AND MentorId = @MemberId";

    public const string SetMenteeFit = "UPDATE MentoringRelationships SET MenteeFit = @Answer WHERE Id = @Id AND MenteeId = @MemberId";

    public const string EndRelationship = """
        UPDATE MentoringRelationships SET Status = @Status, EndedAt = @Now, EndedBy = @EndedBy, EndReason = @EndReason
        WHERE Id = @Id AND Status = 'Active'
        """;

    public const string SetMentorFeedback = "UPDATE MentoringRelationships SET MentorFeedback = @Feedback WHERE Id = @Id AND MentorId = @MemberId AND Status <> 'Active'";

    public const string SetMenteeFeedback = "UPDATE MentoringRelationships SET MenteeFeedback = @Feedback WHERE Id = @Id AND MenteeId = @MemberId AND Status <> 'Active'";

    public const string HandleFitConcern = "UPDATE MentoringRelationships SET FitConcernHandledAt = @Now WHERE Id = @Id AND FitConcernHandledAt IS NULL";

    public const string SelectDueClosingSuggestions = """
        SELECT Id FROM MentoringRelationships
        WHERE Status = 'Active' AND AgreedEndOn IS NOT NULL AND AgreedEndOn <= @Horizon AND ClosingSuggestedAt IS NULL ORDER BY Id
        """;

    public const string ClaimClosingSuggestion = """
        UPDATE MentoringRelationships SET ClosingSuggestedAt = @Now
        WHERE Id = @Id AND Status = 'Active' AND ClosingSuggestedAt IS NULL AND AgreedEndOn <= @Horizon
        """;

    // Goals, sessions, notes, messages

    public const string SelectGoals = "SELECT Id, RelationshipId, Title, Progress, CreatedAt, UpdatedAt FROM MentoringGoals WHERE RelationshipId = @RelationshipId ORDER BY Id";

    public const string InsertGoal = """
        INSERT INTO MentoringGoals (RelationshipId, Title, Progress, CreatedAt, UpdatedAt) VALUES (@RelationshipId, @Title, 'NotStarted', @Now, @Now)
        """;

    public const string UpdateGoalProgress = "UPDATE MentoringGoals SET Progress = @Progress, UpdatedAt = @Now WHERE Id = @Id AND RelationshipId = @RelationshipId";

    public const string InsertSession = """
        INSERT INTO MentoringSessions (RelationshipId, HeldOn, Format, DurationMinutes, LoggedById, CreatedAt)
        VALUES (@RelationshipId, @HeldOn, @Format, @DurationMinutes, @LoggedById, @Now)
        """;

    public const string SelectSessions = """
        SELECT s.Id, s.RelationshipId, s.HeldOn, s.Format, s.DurationMinutes, s.LoggedById, s.CreatedAt
        FROM MentoringSessions s WHERE s.RelationshipId = @RelationshipId ORDER BY s.HeldOn DESC, s.Id DESC
        """;

    public const string SelectSessionInRelationship = "SELECT COUNT(*) FROM MentoringSessions WHERE Id = @SessionId AND RelationshipId = @RelationshipId";

    /// <summary>The viewer's own notes, and the other person's only where they chose to share them.</summary>
    public const string SelectVisibleNotes = """
        SELECT n.Id, n.SessionId, n.AuthorId, n.Body, n.IsShared, n.UpdatedAt
        FROM MentoringSessionNotes n JOIN MentoringSessions s ON s.Id = n.SessionId
        WHERE s.RelationshipId = @RelationshipId AND (n.AuthorId = @ViewerId OR n.IsShared = 1)
        """;

    public const string UpdateNote = "UPDATE MentoringSessionNotes SET Body = @Body, IsShared = @IsShared, UpdatedAt = @Now WHERE SessionId = @SessionId AND AuthorId = @AuthorId";

    public const string InsertNote = """
        INSERT INTO MentoringSessionNotes (SessionId, AuthorId, Body, IsShared, CreatedAt, UpdatedAt)
        VALUES (@SessionId, @AuthorId, @Body, @IsShared, @Now, @Now)
        """;

    public const string DeleteNote = "DELETE FROM MentoringSessionNotes WHERE SessionId = @SessionId AND AuthorId = @AuthorId";

    private const string MessageColumns = "Id, RelationshipId, SenderId, Seq, ClientMessageId, Body, SentAt FROM MentoringMessages";

    public const string SelectMessageByClientId = "SELECT " + MessageColumns + """
         WHERE RelationshipId = @RelationshipId AND SenderId = @SenderId AND ClientMessageId = @ClientMessageId
        """;

    /// <summary>Takes the pair's next sequence number, only while the relationship is active and the sender is one of the pair.</summary>
    public const string NextMessageSeq = """
        UPDATE MentoringRelationships SET LastMessageSeq = LastMessageSeq + 1
        WHERE Id = @RelationshipId AND Status = 'Active' AND (MentorId = @SenderId OR MenteeId = @SenderId)
        """;

    public const string SelectLastMessageSeq = "SELECT LastMessageSeq FROM MentoringRelationships WHERE Id = @RelationshipId";

    public const string InsertMessage = """
        INSERT INTO MentoringMessages (RelationshipId, SenderId, Seq, ClientMessageId, Body, SentAt)
        VALUES (@RelationshipId, @SenderId, @Seq, @ClientMessageId, @Body, @Now)
        """;

    /// <summary>Newest first, a page at a time (keyset on Seq, UX_MentoringMessages_Seq); the page shows them oldest first.</summary>
    public const string SelectMessages = "SELECT " + MessageColumns + """
         WHERE RelationshipId = @RelationshipId AND Seq < @BeforeSeq ORDER BY Seq DESC
        """;

    /// <summary>Everything after the last sequence number a browser saw, in order.</summary>
    public const string SelectMessagesAfter = "SELECT " + MessageColumns + """
         WHERE RelationshipId = @RelationshipId AND Seq > @AfterSeq ORDER BY Seq
        """;

    // How far each member has read (the home page's unread count)

    /// <summary>Only ever moves forward, so a page opened in an old tab cannot mark newer messages unread.</summary>
    public const string AdvanceRead = """
        UPDATE MentoringReads SET LastReadSeq = @Seq, ReadAt = @Now
        WHERE RelationshipId = @RelationshipId AND MemberId = @MemberId AND LastReadSeq < @Seq
        """;

    public const string InsertRead = """
        INSERT INTO MentoringReads (RelationshipId, MemberId, LastReadSeq, ReadAt)
        SELECT @RelationshipId, @MemberId, @Seq, @Now
        WHERE NOT EXISTS (SELECT 1 FROM MentoringReads WHERE RelationshipId = @RelationshipId AND MemberId = @MemberId)
        """;

    /// <summary>Messages from the other person not yet read, per active pair of the member.</summary>
    public const string SelectUnreadCounts = """
        SELECT r.Id AS RelationshipId, COUNT(*) AS Unread
        FROM MentoringRelationships r
        JOIN MentoringMessages m ON m.RelationshipId = r.Id AND m.SenderId <> @MemberId
        LEFT JOIN MentoringReads d ON d.RelationshipId = r.Id AND d.MemberId = @MemberId
        WHERE (r.MentorId = @MemberId OR r.MenteeId = @MemberId) AND r.Status = 'Active' AND m.Seq > COALESCE(d.LastReadSeq, 0)
        GROUP BY r.Id
        """;

    // Export and erasure

    public const string SelectRequestsForExport = """
        SELECT Id, Goals, FocusAreas, Themes, PrivateThemes, ThemesConsentAt, Language, Format, Region, Pace, Status, CreatedAt, MatchedAt, ClosedMessage
        FROM MentoringRequests WHERE MenteeId = @MemberId ORDER BY Id
        """;

    public const string SelectRelationshipsForExport = """
        SELECT Id, MentorId, MenteeId, Status, StartedAt, AgreedEndOn, EndedAt, EndReason,
            CASE WHEN MentorId = @MemberId THEN MentorFit ELSE MenteeFit END AS YourFitAnswer,
            CASE WHEN MentorId = @MemberId THEN MentorFeedback ELSE MenteeFeedback END AS YourFeedback
        FROM MentoringRelationships WHERE MentorId = @MemberId OR MenteeId = @MemberId ORDER BY Id
        """;

    public const string SelectSessionsForExport = """
        SELECT s.Id, s.RelationshipId, s.HeldOn, s.Format, s.DurationMinutes FROM MentoringSessions s
        JOIN MentoringRelationships x ON x.Id = s.RelationshipId WHERE x.MentorId = @MemberId OR x.MenteeId = @MemberId ORDER BY s.Id
        """;

    public const string SelectNotesForExport = "SELECT SessionId, Body, IsShared, UpdatedAt FROM MentoringSessionNotes WHERE AuthorId = @MemberId ORDER BY Id";

    public const string SelectMessagesForExport = "SELECT RelationshipId, Body, SentAt FROM MentoringMessages WHERE SenderId = @MemberId ORDER BY Id";

    public const string SelectGoalsForExport = """
        SELECT g.RelationshipId, g.Title, g.Progress FROM MentoringGoals g
        JOIN MentoringRelationships x ON x.Id = g.RelationshipId WHERE x.MentorId = @MemberId OR x.MenteeId = @MemberId ORDER BY g.Id
        """;

    public const string FreePlacesOfMenteeMentors = """
        UPDATE MentorOffers SET ActiveCount = ActiveCount - 1
        WHERE ActiveCount > 0 AND MemberId IN (SELECT MentorId FROM MentoringRelationships WHERE MenteeId = @MemberId AND Status = 'Active')
        """;

    public const string DeleteRelationshipsOf = "DELETE FROM MentoringRelationships WHERE MentorId = @MemberId OR MenteeId = @MemberId";

    public const string DeleteChoicesOfMentor = "DELETE FROM MentoringRequestChoices WHERE MentorId = @MemberId";

    /// <summary>After a mentor's choices go, a request left waiting on nobody moves to the coordinators.</summary>
    public const string RescueOrphanedRequests = """
        UPDATE MentoringRequests SET Status = 'WithCoordinators', UpdatedAt = @Now
        WHERE Status = 'Waiting' AND NOT EXISTS (SELECT 1 FROM MentoringRequestChoices c WHERE c.RequestId = MentoringRequests.Id AND c.Status = 'Pending')
        """;

    public const string DeleteRequestsOf = "DELETE FROM MentoringRequests WHERE MenteeId = @MemberId";

    public const string DeleteOfferOf = "DELETE FROM MentorOffers WHERE MemberId = @MemberId";

    public const string DeleteAccreditationsOf = "DELETE FROM MentorAccreditations WHERE MemberId = @MemberId";
}
