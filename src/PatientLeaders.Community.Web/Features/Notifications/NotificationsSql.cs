namespace PatientLeaders.Community.Web.Features.Notifications;

public static class NotificationsSql
{
    public const string Insert = """
        INSERT INTO Notifications (MemberId, Kind, ThreadId, PostId, ActorMemberId, CreatedAt, ReadAt)
        VALUES (@MemberId, @Kind, @ThreadId, @PostId, @ActorMemberId, @CreatedAt, NULL)
        """;

    /// <summary>
    /// <see cref="Insert"/> for every member in @MemberIds at once: a reply notifies its thread's followers, often
    /// dozens, and one statement costs about a third of one a row. {0} is the dialect's table of integers from JSON.
    /// </summary>
    public const string InsertForMembers = """
        INSERT INTO Notifications (MemberId, Kind, ThreadId, PostId, ActorMemberId, CreatedAt, ReadAt)
        SELECT ids.value, @Kind, @ThreadId, @PostId, @ActorMemberId, @CreatedAt, NULL FROM {0} ids
        """;

    /// <summary>
    /// Served by IX_Notifications_Unread; runs on every signed-in page for the header. Counts what the list shows:
    /// only notifications about threads in categories the member can open now. The caller wraps it with the dialect's
    /// limit and counts the rows, so a member with thousands unread costs a hundred index steps, not thousands of
    /// thread lookups (the header says "99+" past that). Any hundred will do for a capped count: the order is by the
    /// one MemberId, which the index already gives, and is there because SQL Server's OFFSET needs one.
    /// </summary>
    public const string SelectUnreadIds = """
        SELECT n.Id FROM Notifications n
        LEFT JOIN Threads t ON t.Id = n.ThreadId
        WHERE n.MemberId = @MemberId AND n.ReadAt IS NULL AND (n.ThreadId IS NULL OR t.CategoryId IN @CategoryIds)
        ORDER BY n.MemberId
        """;

    /// <summary>The same count for a member who can open every category: read from IX_Notifications_Unread alone.</summary>
    public const string SelectUnreadIdsEverywhere = """
        SELECT n.Id FROM Notifications n WHERE n.MemberId = @MemberId AND n.ReadAt IS NULL ORDER BY n.MemberId
        """;

    /// <summary>
    /// Newest first (IX_Notifications_MemberId_Id), and only about threads in categories the member can open now:
    /// access may have been taken away since the notification was written.
    /// </summary>
    public const string SelectRecent = """
        SELECT n.Id, n.Kind, n.ThreadId, n.PostId, t.Title AS ThreadTitle, a.DisplayName AS ActorName, n.CreatedAt, n.ReadAt
        FROM Notifications n
        LEFT JOIN Threads t ON t.Id = n.ThreadId
        LEFT JOIN Members a ON a.Id = n.ActorMemberId
        WHERE n.MemberId = @MemberId AND (n.ThreadId IS NULL OR t.CategoryId IN @CategoryIds)
        ORDER BY n.Id DESC
        """;

    public const string MarkAllRead = "UPDATE Notifications SET ReadAt = @Now WHERE MemberId = @MemberId AND ReadAt IS NULL";

    /// <summary>Served by IX_Notifications_Unread: one seek per post on the page. {0} = the dialect's table of @PostIds.</summary>
    public const string SelectUnreadPostIdsAmong = "SELECT DISTINCT PostId FROM Notifications WHERE MemberId = @MemberId AND ReadAt IS NULL AND PostId IN (SELECT value FROM {0})";

    /// <summary>{0} = the dialect's table of @PostIds.</summary>
    public const string MarkReadForPosts = "UPDATE Notifications SET ReadAt = @Now WHERE MemberId = @MemberId AND ReadAt IS NULL AND PostId IN (SELECT value FROM {0})";
}
