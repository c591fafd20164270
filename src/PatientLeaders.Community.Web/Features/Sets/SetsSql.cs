namespace PatientLeaders.Community.Web.Features.Sets;

public static class SetsSql
{
    // Sets and membership
    public const string InsertSet = """
        INSERT INTO Sets (Name, Purpose, FacilitatorId, GroundRules, GroundRulesVersion, Quorum, KeepChat, LastMessageSeq, CreatedAt)
        VALUES (@Name, @Purpose, @FacilitatorId, @GroundRules, 1, @Quorum, @KeepChat, 0, @CreatedAt)
        """;

    public const string UpdateSet = """
        UPDATE Sets SET Name = @Name, Purpose = @Purpose, GroundRules = @GroundRules, Quorum = @Quorum, KeepChat = @KeepChat,
            CallLink = @CallLink, DialIn = @DialIn,
            GroundRulesVersion = CASE WHEN GroundRules = @GroundRules THEN GroundRulesVersion ELSE GroundRulesVersion + 1 END
        WHERE Id = @Id
        """;

    public const string SelectSet = """
        SELECT s.Id, s.Name, s.Purpose, s.FacilitatorId, COALESCE(f.DisplayName, '') AS FacilitatorName, COALESCE(f.Handle, '') AS FacilitatorHandle,
            s.GroundRules, s.GroundRulesVersion, s.Quorum, s.KeepChat, s.CallLink, s.DialIn, s.CreatedAt
        FROM Sets s LEFT JOIN Members f ON f.Id = s.FacilitatorId
        WHERE s.Id = @SetId
        """;

    public const string SelectAccess = """
        SELECT s.FacilitatorId,
            (SELECT COUNT(*) FROM SetMembers sm WHERE sm.SetId = s.Id AND sm.MemberId = @MemberId) AS MemberRows
        FROM Sets s WHERE s.Id = @SetId
        """;

    public const string InsertSetMember = "INSERT INTO SetMembers (SetId, MemberId, AddedAt) VALUES (@SetId, @MemberId, @AddedAt)";

    public const string DeleteSetMember = "DELETE FROM SetMembers WHERE SetId = @SetId AND MemberId = @MemberId";

    public const string SelectSetMembers = """
        SELECT m.Id AS MemberId, m.Handle, m.DisplayName, m.Email, sm.AddedAt,
            (SELECT MAX(a.Version) FROM GroundRuleAcceptances a WHERE a.SetId = sm.SetId AND a.MemberId = m.Id) AS AcceptedVersion
        FROM SetMembers sm JOIN Members m ON m.Id = sm.MemberId
        WHERE sm.SetId = @SetId
        ORDER BY sm.AddedAt, m.Id
        """;

    public const string SelectMemberIdsByHandle = "SELECT Id, NormalizedHandle FROM Members WHERE NormalizedHandle IN @Handles";

    public const string SelectRolesOfMember = "SELECT Role FROM MemberRoles WHERE MemberId = @MemberId";

    public const string SelectMySets = """
        SELECT s.Id, s.Name, s.FacilitatorId, COALESCE(f.DisplayName, '') AS FacilitatorName,
            (SELECT COUNT(*) FROM SetMembers c WHERE c.SetId = s.Id) AS MemberCount,
            (SELECT MIN(n.StartsAt) FROM SetMeetings n WHERE n.SetId = s.Id AND n.ClosedAt IS NULL AND n.StartsAt >= @Since) AS NextMeetingAt,
            (SELECT COUNT(*) FROM SetMeetings n WHERE n.SetId = s.Id AND n.ClosedAt IS NULL AND n.StartedAt IS NOT NULL) AS LiveMeetings
        FROM (SELECT Id AS SetId FROM Sets WHERE FacilitatorId = @MemberId
            UNION SELECT SetId FROM SetMembers WHERE MemberId = @MemberId) mine
        JOIN Sets s ON s.Id = mine.SetId LEFT JOIN Members f ON f.Id = s.FacilitatorId
        ORDER BY s.Name, s.Id
        """;

    /// <summary>Every set, for coordinators and admins: names and counts only. Keyset on Id.</summary>
    public const string SelectAllSets = """
        SELECT s.Id, s.Name, s.FacilitatorId, COALESCE(f.DisplayName, '') AS FacilitatorName,
            (SELECT COUNT(*) FROM SetMembers c WHERE c.SetId = s.Id) AS MemberCount,
            (SELECT MIN(n.StartsAt) FROM SetMeetings n WHERE n.SetId = s.Id AND n.ClosedAt IS NULL AND n.StartsAt >= @Since) AS NextMeetingAt
        FROM Sets s LEFT JOIN Members f ON f.Id = s.FacilitatorId
        WHERE s.Id > @AfterId
        ORDER BY s.Id
        """;

    public const string InsertAcceptance = "INSERT INTO GroundRuleAcceptances (SetId, MemberId, Version, AcceptedAt) VALUES (@SetId, @MemberId, @Version, @AcceptedAt)";

    public const string SelectAcceptedVersion = "SELECT MAX(Version) FROM GroundRuleAcceptances WHERE SetId = @SetId AND MemberId = @MemberId";

    public const string ClearFacilitator = "UPDATE Sets SET FacilitatorId = NULL WHERE FacilitatorId = @MemberId";

    // Meetings
    public const string InsertMeeting = """
        INSERT INTO SetMeetings (SetId, StartsAt, DurationMinutes, TimeZone, CreatedAt, ReminderQueuedAt, Phase, State, Version, TimerSeconds, CallLink, DialIn)
        VALUES (@SetId, @StartsAt, @DurationMinutes, @TimeZone, @CreatedAt, @ReminderQueuedAt, 'Lobby', '{}', 0, 0, @CallLink, @DialIn)
        """;

    private const string MeetingColumns = """
        Id, SetId, StartsAt, DurationMinutes, TimeZone, Phase, State, Version, TimerStartedAt, TimerSeconds, TimerPausedAt, StartedAt, ClosedAt, CallLink, DialIn
        """;

    public const string SelectMeetings = "SELECT " + MeetingColumns + " FROM SetMeetings WHERE SetId = @SetId ORDER BY StartsAt, Id";

    public const string SelectMeeting = "SELECT " + MeetingColumns + " FROM SetMeetings WHERE Id = @MeetingId AND SetId = @SetId";

    /// <summary>The room hosts the earliest meeting not yet closed.</summary>
    public const string SelectOpenMeeting = "SELECT " + MeetingColumns + " FROM SetMeetings WHERE SetId = @SetId AND ClosedAt IS NULL ORDER BY StartsAt, Id";

    /// <summary>Meetings under way, for the facilitator watch. Keyset on Id; served by IX_SetMeetings_Open.</summary>
    public const string SelectLiveMeetings = """
        SELECT n.Id, n.SetId, s.FacilitatorId, n.State
        FROM SetMeetings n JOIN Sets s ON s.Id = n.SetId
        WHERE n.ClosedAt IS NULL AND n.StartedAt IS NOT NULL AND n.Id > @AfterId
        ORDER BY n.Id
        """;

    public const string SelectPreviousMeetingId = """
        SELECT MAX(Id) FROM SetMeetings WHERE SetId = @SetId AND ClosedAt IS NOT NULL AND Id <> @MeetingId
        """;

    /// <summary>Only a meeting that has not begun moves; its reminder is sent again for the new time.</summary>
    public const string MoveMeeting = """
        UPDATE SetMeetings SET StartsAt = @StartsAt, DurationMinutes = @DurationMinutes, ReminderQueuedAt = NULL
        WHERE Id = @Id AND SetId = @SetId AND StartedAt IS NULL
        """;

    public const string UpdateMeetingState = """
        UPDATE SetMeetings SET Phase = @Phase, State = @State, Version = Version + 1, TimerStartedAt = @TimerStartedAt,
            TimerSeconds = @TimerSeconds, TimerPausedAt = @TimerPausedAt, StartedAt = @StartedAt, ClosedAt = @ClosedAt
        WHERE Id = @Id AND Version = @Version
        """;

    /// <summary>The set's members and its facilitator, each with their saved language: the mail is written in it.</summary>
    public const string SelectRecipients = """
        SELECT m.Id, m.Email, m.DisplayName, m.Language FROM Members m
        WHERE m.Id IN (SELECT MemberId FROM SetMembers WHERE SetId = @SetId) OR m.Id = (SELECT FacilitatorId FROM Sets WHERE Id = @SetId)
        ORDER BY m.Id
        """;

    public const string SelectDueReminders = """
        SELECT Id FROM SetMeetings
        WHERE ReminderQueuedAt IS NULL AND ClosedAt IS NULL AND StartsAt > @Now AND StartsAt <= @Horizon
        ORDER BY StartsAt, Id
        """;

    /// <summary>One affected row means this process owns the reminder; a second run or server finds none.</summary>
    public const string ClaimReminder = "UPDATE SetMeetings SET ReminderQueuedAt = @Now WHERE Id = @Id AND ReminderQueuedAt IS NULL";

    public const string SelectMeetingForMail = """
        SELECT n.Id, n.SetId, s.Name AS SetName, n.StartsAt, n.DurationMinutes, n.TimeZone,
            CASE WHEN n.CallLink <> '' THEN n.CallLink ELSE s.CallLink END AS CallLink,
            CASE WHEN n.DialIn <> '' THEN n.DialIn ELSE s.DialIn END AS DialIn
        FROM SetMeetings n JOIN Sets s ON s.Id = n.SetId WHERE n.Id = @Id
        """;

    // Attendance and timings
    public const string UpdateAttendance = "UPDATE MeetingAttendance SET LastSeenAt = @Now WHERE MeetingId = @MeetingId AND MemberId = @MemberId";

    public const string InsertAttendance = "INSERT INTO MeetingAttendance (MeetingId, MemberId, FirstJoinedAt, LastSeenAt) VALUES (@MeetingId, @MemberId, @Now, @Now)";

    public const string SelectAttendance = """
        SELECT a.MemberId, m.DisplayName, a.FirstJoinedAt, a.LastSeenAt
        FROM MeetingAttendance a JOIN Members m ON m.Id = a.MemberId
        WHERE a.MeetingId = @MeetingId ORDER BY a.FirstJoinedAt, a.MemberId
        """;

    public const string SelectAttendanceCounts = """
        SELECT n.Id AS MeetingId, n.StartsAt, n.ClosedAt,
            (SELECT COUNT(*) FROM MeetingAttendance a WHERE a.MeetingId = n.Id AND a.MemberId IN (SELECT MemberId FROM SetMembers WHERE SetId = n.SetId)) AS Attended
        FROM SetMeetings n WHERE n.SetId = @SetId ORDER BY n.StartsAt, n.Id
        """;

    public const string EndPhaseLog = "UPDATE MeetingPhaseLog SET EndedAt = @Now WHERE MeetingId = @MeetingId AND EndedAt IS NULL";

    public const string InsertPhaseLog = "INSERT INTO MeetingPhaseLog (MeetingId, Phase, PresenterId, StartedAt) VALUES (@MeetingId, @Phase, @PresenterId, @Now)";

    public const string SelectPhaseLog = """
        SELECT l.Phase, l.PresenterId, COALESCE(m.DisplayName, '') AS PresenterName, l.StartedAt, l.EndedAt
        FROM MeetingPhaseLog l LEFT JOIN Members m ON m.Id = l.PresenterId
        WHERE l.MeetingId = @MeetingId ORDER BY l.Id
        """;

    // Bids
    public const string DeleteBid = "DELETE FROM MeetingBids WHERE MeetingId = @MeetingId AND MemberId = @MemberId";

    /// <summary>Bids and actions are part of the room's state too: moving the version lets pages drop older states.</summary>
    public const string MoveMeetingVersion = "UPDATE SetMeetings SET Version = Version + 1 WHERE Id = @MeetingId";

    public const string InsertBid = """
        INSERT INTO MeetingBids (MeetingId, MemberId, Minutes, Headline, NoTime, BidAt) VALUES (@MeetingId, @MemberId, @Minutes, @Headline, @NoTime, @BidAt)
        """;

    public const string SelectBids = """
        SELECT b.MemberId, m.DisplayName, b.Minutes, b.Headline, b.NoTime
        FROM MeetingBids b JOIN Members m ON m.Id = b.MemberId
        WHERE b.MeetingId = @MeetingId ORDER BY b.BidAt, b.MemberId
        """;

    // Chat
    public const string SelectMessageByClientId = """
        SELECT r.Seq, r.AuthorId, m.DisplayName AS AuthorName, r.ClientMessageId, r.Body, r.PostedAt, r.FlaggedAsAdvice
        FROM RoomMessages r JOIN Members m ON m.Id = r.AuthorId
        WHERE r.SetId = @SetId AND r.AuthorId = @AuthorId AND r.ClientMessageId = @ClientMessageId
        """;

    public const string NextSeq = "UPDATE Sets SET LastMessageSeq = LastMessageSeq + 1 WHERE Id = @SetId";

    public const string SelectLastSeq = "SELECT LastMessageSeq FROM Sets WHERE Id = @SetId";

    public const string InsertMessage = """
        INSERT INTO RoomMessages (SetId, MeetingId, Seq, AuthorId, ClientMessageId, Body, PostedAt, FlaggedAsAdvice)
        VALUES (@SetId, @MeetingId, @Seq, @AuthorId, @ClientMessageId, @Body, @PostedAt, 0)
        """;

    /// <summary>Ordered; wrapped with the dialect's limit. Served by UX_RoomMessages_Seq.</summary>
    public const string SelectMessagesAfter = """
        SELECT r.Seq, r.AuthorId, m.DisplayName AS AuthorName, r.ClientMessageId, r.Body, r.PostedAt, r.FlaggedAsAdvice
        FROM RoomMessages r JOIN Members m ON m.Id = r.AuthorId
        WHERE r.SetId = @SetId AND r.Seq > @After
        ORDER BY r.Seq
        """;

    public const string FlagMessage = "UPDATE RoomMessages SET FlaggedAsAdvice = 1 WHERE SetId = @SetId AND Seq = @Seq";

    public const string DeleteMeetingMessages = "DELETE FROM RoomMessages WHERE SetId = @SetId AND (MeetingId = @MeetingId OR MeetingId IS NULL)";

    // Actions
    public const string InsertAction = """
        INSERT INTO SetActions (SetId, MeetingId, OwnerId, Text, CreatedAt) VALUES (@SetId, @MeetingId, @OwnerId, @Text, @CreatedAt)
        """;

    private const string ActionColumns = """
        a.Id, a.MeetingId, a.OwnerId, m.DisplayName AS OwnerName, a.Text, a.CreatedAt, a.Status, a.StatusNote, a.ReviewedAt, a.ReviewedInMeetingId
        """;

    public const string SelectActionsOfMeeting = "SELECT " + ActionColumns + " FROM SetActions a JOIN Members m ON m.Id = a.OwnerId WHERE a.MeetingId = @MeetingId ORDER BY a.Id";

    public const string SelectActionsReviewedIn = "SELECT " + ActionColumns + " FROM SetActions a JOIN Members m ON m.Id = a.OwnerId WHERE a.ReviewedInMeetingId = @MeetingId ORDER BY a.Id";

    public const string SelectActionsOfSet = "SELECT " + ActionColumns + " FROM SetActions a JOIN Members m ON m.Id = a.OwnerId WHERE a.SetId = @SetId ORDER BY a.Id";

    public const string ReviewAction = """
        UPDATE SetActions SET Status = @Status, StatusNote = @StatusNote, ReviewedAt = @Now, ReviewedInMeetingId = @MeetingId
        WHERE Id = @Id AND SetId = @SetId AND OwnerId = @OwnerId AND MeetingId <> @MeetingId
        """;
}
