namespace PatientLeaders.Community.Web.Features.Forum;

public static partial class ForumSql
{
    /// <summary>
    /// Where a moved or split-off thread belongs in its new category by last activity: the activity key (SortKey without the pinned
    /// offset) of the category's thread last active at or before it. Within a category keys rise with LastPostAt, so
    /// this is one seek on IX_Threads_CategoryId_LastPostAt. The caller wraps it with the dialect's limit on @Take.
    /// </summary>
    public const string SelectActivityKeyBefore = """
        SELECT CASE WHEN t.IsPinned = 1 THEN t.SortKey - @PinnedOffset ELSE t.SortKey END
        FROM Threads t
        WHERE t.CategoryId = @CategoryId AND t.Id <> @ThreadId
          AND t.LastPostAt <= (SELECT m.LastPostAt FROM Threads m WHERE m.Id = @ThreadId)
        ORDER BY t.LastPostAt DESC, t.SortKey DESC
        """;

    /// <summary>
    /// Makes room after activity key @After: every thread of the category more recently active moves up by one
    /// (pinned ones within the pinned range), over IX_Threads_CategoryId_SortKey. The category's counter was bumped
    /// first, so it stays above every key.
    /// </summary>
    public const string MakeRoomAfterActivityKey = """
        UPDATE Threads SET SortKey = SortKey + 1
        WHERE CategoryId = @CategoryId
          AND ((IsPinned = 0 AND SortKey > @After) OR (IsPinned = 1 AND SortKey > @After + @PinnedOffset))
        """;

    /// <summary>A thread's place after <see cref="MakeRoomAfterActivityKey"/>: its activity key, in the pinned range if pinned.</summary>
    public const string SetActivityKey = """
        UPDATE Threads SET SortKey = @Activity + CASE WHEN IsPinned = 1 THEN @PinnedOffset ELSE 0 END WHERE Id = @ThreadId
        """;
}
