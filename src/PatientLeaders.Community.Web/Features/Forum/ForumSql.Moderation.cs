namespace PatientLeaders.Community.Web.Features.Forum;

public static partial class ForumSql
{
    /// <summary>The row records the category the thread is in as the action is done (after a move, the new one).</summary>
    public const string InsertModerationAction = """
        INSERT INTO ModerationActions (ModeratorMemberId, Action, ThreadId, PostId, SubjectMemberId, Reason, CreatedAt, CategoryId)
        SELECT @ModeratorId, @Action, @ThreadId, @PostId, @SubjectMemberId, @Reason, @Now, (SELECT t.CategoryId FROM Threads t WHERE t.Id = @ThreadId)
        """;

    /// <summary>
    /// The moderation log, a page at a time (ModerationStore.LogAsync): this, then any of the Log…Filter fragments and
    /// one keyset fragment, then an order. Each filter has an index ending (CreatedAt, Id), migrations 0040 and 0046.
    /// </summary>
    public const string SelectModerationLog = """
        SELECT a.Id, a.Action, a.ThreadId, a.PostId, a.SubjectMemberId, a.Reason, a.CreatedAt, m.DisplayName AS ModeratorName,
            m.Handle AS ModeratorHandle, t.Title AS ThreadTitle, t.Slug AS ThreadSlug, sm.DisplayName AS SubjectName, sm.Handle AS SubjectHandle
        FROM ModerationActions a
        LEFT JOIN Members m ON m.Id = a.ModeratorMemberId
        LEFT JOIN Threads t ON t.Id = a.ThreadId
        LEFT JOIN Members sm ON sm.Id = a.SubjectMemberId
        WHERE 1 = 1
        """;

    public const string LogActionFilter = " AND a.Action = @Action";

    public const string LogModeratorFilter = " AND a.ModeratorMemberId = @ModeratorId";

    public const string LogSubjectFilter = " AND a.SubjectMemberId = @SubjectMemberId";

    public const string LogThreadFilter = " AND a.ThreadId = @ThreadId";

    public const string LogCategoryFilter = " AND a.CategoryId = @CategoryId";

    public const string LogFromFilter = " AND a.CreatedAt >= @From";

    public const string LogToFilter = " AND a.CreatedAt < @To";

    /// <summary>Keyset: rows after the action @CursorId in newest-first order. A cursor naming no action matches nothing.</summary>
    public const string LogOlderThan = """
         AND (a.CreatedAt < (SELECT c.CreatedAt FROM ModerationActions c WHERE c.Id = @CursorId)
            OR (a.CreatedAt = (SELECT c.CreatedAt FROM ModerationActions c WHERE c.Id = @CursorId) AND a.Id < @CursorId))
        """;

    public const string LogNewerThan = """
         AND (a.CreatedAt > (SELECT c.CreatedAt FROM ModerationActions c WHERE c.Id = @CursorId)
            OR (a.CreatedAt = (SELECT c.CreatedAt FROM ModerationActions c WHERE c.Id = @CursorId) AND a.Id > @CursorId))
        """;

    public const string LogNewestFirst = " ORDER BY a.CreatedAt DESC, a.Id DESC";

    /// <summary>For the "newer" direction; the store puts the rows back newest first.</summary>
    public const string LogOldestFirst = " ORDER BY a.CreatedAt, a.Id";

    public const string InsertFlag = """
        INSERT INTO PostFlags (PostId, FlaggerMemberId, Reason, Note, CreatedAt) VALUES (@PostId, @FlaggerId, @Reason, @Note, @Now)
        """;

    /// <summary>Who is told of a report: moderators and admins, the way they chose to be written to.</summary>
    public const string SelectModerators = """
        SELECT m.Id, m.Email, m.DisplayName, m.Handle, m.Language FROM Members m
        WHERE m.Id IN (SELECT MemberId FROM MemberRoles WHERE Role IN ('Moderator', 'Admin'))
        """;

    public const string SelectOnCallModerators = """
        SELECT m.Id, m.Email, m.DisplayName, m.Handle, m.Language FROM Members m WHERE m.NormalizedHandle IN @Handles
        """;

    /// <summary>
    /// Open reports of posts and of private messages, and how many are urgent, for the moderators' badge. Served by
    /// IX_PostFlags_ResolvedAt and IX_MessageReports_ResolvedAt: open reports are few, and only moderators' pages ask.
    /// </summary>
    public const string CountOpenFlags = """
        SELECT COUNT(*) + (SELECT COUNT(*) FROM MessageReports WHERE ResolvedAt IS NULL) AS OpenCount,
            COALESCE(SUM(CASE WHEN Reason = @Worried THEN 1 ELSE 0 END), 0) AS UrgentCount
        FROM PostFlags WHERE ResolvedAt IS NULL
        """;

    public const string SelectOpenFlags = """
        SELECT f.Id, f.PostId, f.Reason, f.Note, f.CreatedAt, fm.DisplayName AS FlaggerName, p.Number, p.ThreadId, t.Title AS ThreadTitle,
            t.Slug AS ThreadSlug, t.CategoryId, am.DisplayName AS AuthorName, p.HiddenAt
        FROM PostFlags f
        JOIN Posts p ON p.Id = f.PostId
        JOIN Threads t ON t.Id = p.ThreadId
        LEFT JOIN Members fm ON fm.Id = f.FlaggerMemberId
        LEFT JOIN Members am ON am.Id = p.AuthorId
        WHERE f.ResolvedAt IS NULL
        ORDER BY CASE WHEN f.Reason = 'Worried' THEN 0 ELSE 1 END, f.Id
        """;

    public const string ResolveFlag = """
        UPDATE PostFlags SET ResolvedAt = @Now, ResolvedByMemberId = @ModeratorId, Resolution = @Resolution
        WHERE Id = @FlagId AND ResolvedAt IS NULL
        """;

    public const string SelectFlagPostId = "SELECT PostId FROM PostFlags WHERE Id = @FlagId";

    /// <summary>A member's posts since joining (threads are opening posts), and their latest post: IX_Posts_AuthorId seeks.</summary>
    public const string SelectFirstDayActivity = """
        SELECT m.CreatedAt AS JoinedAt,
            (SELECT COUNT(*) FROM Posts p WHERE p.AuthorId = m.Id AND p.CreatedAt >= m.CreatedAt AND p.Number = 1) AS Threads,
            (SELECT COUNT(*) FROM Posts p WHERE p.AuthorId = m.Id AND p.CreatedAt >= m.CreatedAt AND p.Number > 1) AS Replies,
            (SELECT MAX(p.CreatedAt) FROM Posts p WHERE p.AuthorId = m.Id) AS LastPostAt
        FROM Members m WHERE m.Id = @MemberId
        """;

    // Moving and splitting threads (ThreadMoves). Counts are recomputed from the posts, never adjusted by hand.
    public const string MoveThread = "UPDATE Threads SET CategoryId = @CategoryId WHERE Id = @ThreadId";

    public const string UncountThreadInCategory = "UPDATE ForumCategories SET ThreadCount = ThreadCount - 1 WHERE Id = @CategoryId";

    /// <summary>Every post of a thread, narrow, in order: what a split renumbers.</summary>
    public const string SelectThreadShape = """
        SELECT Id, Number, Branch, ReplyToPostId, AuthorId, CreatedAt FROM Posts WHERE ThreadId = @ThreadId ORDER BY Number
        """;

    public const string MovePostToThread = "UPDATE Posts SET ThreadId = @ThreadId WHERE Id = @Id";

    public const string RenumberPost = "UPDATE Posts SET Number = @Number, Branch = @Branch WHERE Id = @Id";

    /// <summary>
    /// Run while the moved posts are in the new thread with their old numbers: a reader who had read the old thread up
    /// to N has read the moved posts numbered up to N, and in the old thread N less those.
    /// </summary>
    public const string SplitReadingPositions = """
        INSERT INTO ThreadReads (MemberId, ThreadId, LastReadNumber, ReadAt)
        SELECT r.MemberId, @NewThreadId, (SELECT COUNT(*) FROM Posts p WHERE p.ThreadId = @NewThreadId AND p.Number <= r.LastReadNumber), r.ReadAt
        FROM ThreadReads r
        WHERE r.ThreadId = @ThreadId AND EXISTS (SELECT 1 FROM Posts p WHERE p.ThreadId = @NewThreadId AND p.Number <= r.LastReadNumber);
        UPDATE ThreadReads SET LastReadNumber = LastReadNumber
            - (SELECT COUNT(*) FROM Posts p WHERE p.ThreadId = @NewThreadId AND p.Number <= ThreadReads.LastReadNumber)
        WHERE ThreadId = @ThreadId;
        """;

    public const string RecountThread = """
        UPDATE Threads SET
            LastPostNumber = (SELECT MAX(p.Number) FROM Posts p WHERE p.ThreadId = @ThreadId),
            ReplyCount = (SELECT COUNT(*) - 1 FROM Posts p WHERE p.ThreadId = @ThreadId),
            ParticipantCount = (SELECT COUNT(DISTINCT p.AuthorId) FROM Posts p WHERE p.ThreadId = @ThreadId),
            CreatedAt = (SELECT p.CreatedAt FROM Posts p WHERE p.ThreadId = @ThreadId AND p.Number = 1),
            AuthorId = (SELECT p.AuthorId FROM Posts p WHERE p.ThreadId = @ThreadId AND p.Number = 1),
            LastPostAt = (SELECT MAX(p.CreatedAt) FROM Posts p WHERE p.ThreadId = @ThreadId),
            LastPostAuthorId = (SELECT p.AuthorId FROM Posts p WHERE p.ThreadId = @ThreadId
                AND p.Number = (SELECT MAX(q.Number) FROM Posts q WHERE q.ThreadId = @ThreadId))
        WHERE Id = @ThreadId
        """;

    /// <summary>The new thread's opening post carries its title in search (a post with no search row stays without).</summary>
    public const string UpdateSearchTitle = "UPDATE PostSearchText SET Title = @Title WHERE PostId = @PostId";

    /// <summary>Notifications follow their posts, so the notification list's category check sees where the post is now.</summary>
    public const string MoveNotifications = """
        UPDATE Notifications SET ThreadId = @NewThreadId WHERE PostId IN (SELECT Id FROM Posts WHERE ThreadId = @NewThreadId)
        """;

    /// <summary>Whoever wrote in the new thread follows it, as they followed the old one by posting.</summary>
    public const string FollowSplitThread = """
        INSERT INTO ThreadSubscriptions (MemberId, ThreadId, Level, UpdatedAt)
        SELECT DISTINCT p.AuthorId, @NewThreadId, 'Following', @Now FROM Posts p WHERE p.ThreadId = @NewThreadId AND p.AuthorId IS NOT NULL
        """;
}
