namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>Every forum statement. Only code constants (the *Filter and *Order fragments) are ever spliced in.</summary>
public static partial class ForumSql
{
    /// <summary>Added to a pinned thread's SortKey so pinned threads sort first; far above any activity counter.</summary>
    public const long PinnedSortOffset = 1_000_000_000_000_000;

    // Categories: a handful of rows, read whole on every forum request.
    private const string CategoryColumns = "Id, Slug, Name, Description, Position, Icon, Colour, IsPublic, RequiredRoles, ThreadCount";

    public const string SelectCategories = "SELECT " + CategoryColumns + " FROM ForumCategories ORDER BY Position, Id";

    public const string InsertCategory = """
        INSERT INTO ForumCategories (Slug, Name, Description, Position, Icon, Colour, IsPublic, RequiredRoles, ThreadCount, ActivityCounter, CreatedAt)
        VALUES (@Slug, @Name, @Description, (SELECT COALESCE(MAX(Position), 0) + 1 FROM ForumCategories), @Icon, @Colour, @IsPublic, @RequiredRoles, 0, 0, @CreatedAt)
        """;

    public const string UpdateCategory = """
        UPDATE ForumCategories SET Slug = @Slug, Name = @Name, Description = @Description, Icon = @Icon, Colour = @Colour,
            IsPublic = @IsPublic, RequiredRoles = @RequiredRoles
        WHERE Id = @Id
        """;

    public const string SetCategoryPosition = "UPDATE ForumCategories SET Position = @Position WHERE Id = @Id";

    /// <summary>Bumps the category's activity counter and returns it: the new SortKey base for the thread just posted in.</summary>
    public const string NextActivity = """
        UPDATE ForumCategories SET ActivityCounter = ActivityCounter + 1 WHERE Id = @CategoryId;
        SELECT ActivityCounter FROM ForumCategories WHERE Id = @CategoryId;
        """;

    public const string CountThreadInCategory = "UPDATE ForumCategories SET ThreadCount = ThreadCount + 1 WHERE Id = @CategoryId";

    // Threads
    private const string ThreadColumns = """
        t.Id, t.CategoryId, t.Title, t.Slug, t.AuthorId, t.CreatedAt, t.LastPostAt, t.LastPostNumber, t.ReplyCount,
        t.ParticipantCount, t.IsPinned, t.IsLocked
        """;

    public const string SelectThread = "SELECT " + ThreadColumns + " FROM Threads t WHERE t.Id = @ThreadId";

    public const string InsertThread = """
        INSERT INTO Threads (CategoryId, Title, Slug, AuthorId, CreatedAt, LastPostAt, LastPostNumber, LastPostAuthorId,
            ReplyCount, ParticipantCount, SortKey, IsPinned, IsLocked)
        VALUES (@CategoryId, @Title, @Slug, @AuthorId, @Now, @Now, 1, @AuthorId, 0, 1, @SortKey, 0, 0)
        """;

    /// <summary>Counts a new participant, before their first post in the thread is inserted.</summary>
    public const string CountParticipant = """
        UPDATE Threads SET ParticipantCount = ParticipantCount + 1
        WHERE Id = @ThreadId AND NOT EXISTS (SELECT 1 FROM Posts WHERE ThreadId = @ThreadId AND AuthorId = @AuthorId)
        """;

    /// <summary>Takes the next post Number and keeps the thread's counts; the write lock serialises numbering.</summary>
    public const string BumpThread = """
        UPDATE Threads SET LastPostNumber = LastPostNumber + 1, ReplyCount = ReplyCount + 1, LastPostAt = @Now,
            LastPostAuthorId = @AuthorId, SortKey = @Activity + CASE WHEN IsPinned = 1 THEN @PinnedOffset ELSE 0 END
        WHERE Id = @ThreadId;
        SELECT LastPostNumber FROM Threads WHERE Id = @ThreadId;
        """;

    public const string UpdateThreadTitle = "UPDATE Threads SET Title = @Title, Slug = @Slug WHERE Id = @ThreadId";

    public const string SetThreadPinned = """
        UPDATE Threads SET IsPinned = @IsPinned,
            SortKey = CASE WHEN @IsPinned = 1 AND SortKey < @PinnedOffset THEN SortKey + @PinnedOffset
                           WHEN @IsPinned = 0 AND SortKey >= @PinnedOffset THEN SortKey - @PinnedOffset
                           ELSE SortKey END
        WHERE Id = @ThreadId
        """;

    public const string SetThreadLocked = "UPDATE Threads SET IsLocked = @IsLocked WHERE Id = @ThreadId";

    public const string InsertThreadTag = "INSERT INTO ThreadTags (ThreadId, Tag) VALUES (@ThreadId, @Tag)";

    public const string SelectThreadTags = "SELECT Tag FROM ThreadTags WHERE ThreadId = @ThreadId ORDER BY Tag";

    /// <summary>{0} = the thread ids' table, <see cref="Data.ISqlDialect.IntegersFromJson"/> of @ThreadIds.</summary>
    public const string SelectTagsForThreads = "SELECT ThreadId, Tag FROM ThreadTags WHERE ThreadId IN (SELECT value FROM {0}) ORDER BY Tag";

    /// <summary>Spliced into the list queries when a tag filter is chosen.</summary>
    public const string TagFilter = " AND EXISTS (SELECT 1 FROM ThreadTags tt WHERE tt.ThreadId = t.Id AND tt.Tag = @Tag)";

    public const string CountThreadsWithTag = """
        SELECT COUNT(*) FROM Threads t WHERE t.CategoryId = @CategoryId
        """ + TagFilter;

    /// <summary>
    /// Numbered pages without OFFSET over wide rows: the first SortKey of page n comes from the narrow
    /// IX_Threads_CategoryId_SortKey alone (an index-only skip, used with the dialect's SkipTake), then
    /// <see cref="SelectThreadPage"/> seeks from that key and reads only 30 full rows.
    /// </summary>
    public const string SelectPageStartKey = "SELECT t.SortKey FROM Threads t WHERE t.CategoryId = @CategoryId{0} ORDER BY t.SortKey DESC";

    public const string SelectThreadPage = """
        SELECT t.Id, t.Title, t.Slug, t.CreatedAt, t.LastPostAt, t.LastPostNumber, t.ReplyCount, t.ParticipantCount,
            t.IsPinned, t.IsLocked, a.DisplayName AS AuthorName, l.DisplayName AS LastPostAuthorName, r.LastReadNumber
        FROM Threads t
        LEFT JOIN Members a ON a.Id = t.AuthorId
        LEFT JOIN Members l ON l.Id = t.LastPostAuthorId
        LEFT JOIN ThreadReads r ON r.ThreadId = t.Id AND r.MemberId = @MemberId
        WHERE t.CategoryId = @CategoryId AND t.SortKey <= @StartKey{0}
        ORDER BY t.SortKey DESC
        """;

    /// <summary>
    /// The "Latest" list: threads in the given categories by latest activity, newest first, older than the cursor.
    /// Served by IX_Threads_LastPostAt read backwards. {0} is the table of category ids; {1} the unread filter.
    /// </summary>
    public const string SelectLatest = """
        SELECT t.Id, t.CategoryId, t.Title, t.Slug, t.CreatedAt, t.LastPostAt, t.LastPostNumber, t.ReplyCount, t.ParticipantCount,
            t.IsPinned, t.IsLocked, a.DisplayName AS AuthorName, l.DisplayName AS LastPostAuthorName, r.LastReadNumber
        FROM Threads t
        LEFT JOIN Members a ON a.Id = t.AuthorId
        LEFT JOIN Members l ON l.Id = t.LastPostAuthorId
        LEFT JOIN ThreadReads r ON r.ThreadId = t.Id AND r.MemberId = @MemberId
        WHERE t.CategoryId IN (SELECT value FROM {0})
            AND (t.LastPostAt < @Before OR (t.LastPostAt = @Before AND t.Id < @BeforeId)){1}
        ORDER BY t.LastPostAt DESC, t.Id DESC
        """;

    /// <summary>The member's read positions in some threads. {0} = the thread ids' table, <see cref="Data.ISqlDialect.IntegersFromJson"/> of @ThreadIds.</summary>
    public const string SelectReadsAmong = "SELECT ThreadId, LastReadNumber FROM ThreadReads WHERE MemberId = @MemberId AND ThreadId IN (SELECT value FROM {0})";

    public const string UnreadFilter = " AND (r.LastReadNumber IS NULL OR r.LastReadNumber < t.LastPostNumber)";

    public const string SelectFollowedCategoryIds = "SELECT CategoryId FROM CategorySubscriptions WHERE MemberId = @MemberId";

    // Posts
    private const string PostColumns = """
        p.Id, p.ThreadId, p.Number, p.Branch, p.AuthorId, m.Handle AS AuthorHandle, m.DisplayName AS AuthorName, p.ReplyToPostId,
        rp.Number AS ReplyToNumber, rp.ThreadId AS ReplyToThreadId, rp.Branch AS ReplyToBranch, rm.DisplayName AS ReplyToAuthorName, p.Body, p.ContentNote, p.Language, p.CreatedAt, p.EditedAt,
        p.RevisionCount, p.DeletedAt, p.HiddenAt, p.HiddenReason
        FROM Posts p
        LEFT JOIN Members m ON m.Id = p.AuthorId
        LEFT JOIN Posts rp ON rp.Id = p.ReplyToPostId
        LEFT JOIN Members rm ON rm.Id = rp.AuthorId
        """;

    /// <summary>One page of a thread: a range seek on UX_Posts_ThreadId_Number.</summary>
    public const string SelectPostsByNumber = "SELECT " + PostColumns + """
         WHERE p.ThreadId = @ThreadId AND p.Number >= @First AND p.Number <= @Last
        ORDER BY p.Number
        """;

    /// <summary>One page of the nested view: a range seek on IX_Posts_ThreadId_Branch, each branch's top-level post first.</summary>
    public const string SelectPostsByBranch = "SELECT " + PostColumns + """
         WHERE p.ThreadId = @ThreadId AND p.Branch >= @First AND p.Branch <= @Last
        ORDER BY p.Branch, p.Number
        """;

    /// <summary>How many top-level posts (branches) the thread has: one seek at the end of IX_Posts_ThreadId_Branch.</summary>
    public const string SelectBranchCount = "SELECT MAX(Branch) FROM Posts WHERE ThreadId = @ThreadId";

    /// <summary>
    /// The lowest post Number on any later nested page; everything below it has been on this page or an earlier one,
    /// so the reading position may move to just before it.
    /// </summary>
    public const string SelectFirstNumberAfterBranch = "SELECT MIN(Number) FROM Posts WHERE ThreadId = @ThreadId AND Branch > @Branch";

    public const string SelectPost = "SELECT " + PostColumns + " WHERE p.Id = @PostId";

    public const string SelectPostIdByNumber = "SELECT Id FROM Posts WHERE ThreadId = @ThreadId AND Number = @Number";

    /// <summary>
    /// Branch (the nested view's grouping, migration 0018): the Branch of the post answered when that is a reply in
    /// the same thread, otherwise the thread's next top-level number. Both lookups are index seeks.
    /// </summary>
    public const string InsertPost = """
        INSERT INTO Posts (ThreadId, Number, AuthorId, ReplyToPostId, Body, ContentNote, Language, CreatedAt, RevisionCount, Branch)
        VALUES (@ThreadId, @Number, @AuthorId, @ReplyToPostId, @Body, @ContentNote, @Language, @Now, 0, COALESCE(
            (SELECT r.Branch FROM Posts r WHERE r.Id = @ReplyToPostId AND r.ThreadId = @ThreadId AND r.Number > 1),
            (SELECT COALESCE(MAX(b.Branch), 0) + 1 FROM Posts b WHERE b.ThreadId = @ThreadId)))
        """;

    public const string InsertRevision = """
        INSERT INTO PostRevisions (PostId, Title, Body, ContentNote, EditorMemberId, CreatedAt)
        VALUES (@PostId, @Title, @Body, @ContentNote, @EditorMemberId, @Now)
        """;

    public const string UpdatePostText = """
        UPDATE Posts SET Body = @Body, ContentNote = @ContentNote, Language = @Language, EditedAt = @Now, RevisionCount = RevisionCount + 1
        WHERE Id = @PostId AND DeletedAt IS NULL
        """;

    public const string SelectRevisions = """
        SELECT r.Id, r.Title, r.Body, r.ContentNote, m.DisplayName AS EditorName, r.CreatedAt
        FROM PostRevisions r LEFT JOIN Members m ON m.Id = r.EditorMemberId
        WHERE r.PostId = @PostId ORDER BY r.Id DESC
        """;

    public const string SoftDeletePost = "UPDATE Posts SET DeletedAt = @Now WHERE Id = @PostId AND DeletedAt IS NULL";

    public const string HidePost = """
        UPDATE Posts SET HiddenAt = @Now, HiddenByMemberId = @ModeratorId, HiddenReason = @Reason
        WHERE Id = @PostId AND HiddenAt IS NULL
        """;

    public const string RestorePost = "UPDATE Posts SET HiddenAt = NULL, HiddenByMemberId = NULL, HiddenReason = NULL WHERE Id = @PostId";

    // Search text: written with the post, removed when it is deleted or hidden.
    public const string InsertSearchText = "INSERT INTO PostSearchText (PostId, Title, Body, Month) VALUES (@PostId, @Title, @Body, @Month)";

    public const string UpdateSearchText = "UPDATE PostSearchText SET Title = @Title, Body = @Body WHERE PostId = @PostId";

    public const string DeleteSearchText = "DELETE FROM PostSearchText WHERE PostId = @PostId";

    // Reading position
    public const string SelectLastRead = "SELECT LastReadNumber FROM ThreadReads WHERE MemberId = @MemberId AND ThreadId = @ThreadId";

    /// <summary>Only ever moves forward; zero rows means no row yet (or already further on).</summary>
    public const string AdvanceRead = """
        UPDATE ThreadReads SET LastReadNumber = @Number, ReadAt = @Now
        WHERE MemberId = @MemberId AND ThreadId = @ThreadId AND LastReadNumber < @Number
        """;

    public const string InsertRead = """
        INSERT INTO ThreadReads (MemberId, ThreadId, LastReadNumber, ReadAt)
        SELECT @MemberId, @ThreadId, @Number, @Now
        WHERE NOT EXISTS (SELECT 1 FROM ThreadReads WHERE MemberId = @MemberId AND ThreadId = @ThreadId)
        """;

    // Reactions
    /// <summary>{0} = the post ids' table, <see cref="Data.ISqlDialect.IntegersFromJson"/> of @PostIds.</summary>
    public const string SelectReactionsForPosts = """
        SELECT r.PostId, r.Kind, r.MemberId, m.DisplayName
        FROM PostReactions r JOIN Members m ON m.Id = r.MemberId
        WHERE r.PostId IN (SELECT value FROM {0})
        ORDER BY r.CreatedAt
        """;

    public const string DeleteReaction = "DELETE FROM PostReactions WHERE PostId = @PostId AND MemberId = @MemberId AND Kind = @Kind";

    public const string InsertReaction = "INSERT INTO PostReactions (PostId, MemberId, Kind, CreatedAt) VALUES (@PostId, @MemberId, @Kind, @Now)";

    // Bookmarks
    /// <summary>{0} = the post ids' table, <see cref="Data.ISqlDialect.IntegersFromJson"/> of @PostIds.</summary>
    public const string SelectBookmarkedAmong = "SELECT PostId FROM PostBookmarks WHERE MemberId = @MemberId AND PostId IN (SELECT value FROM {0})";

    public const string DeleteBookmark = "DELETE FROM PostBookmarks WHERE MemberId = @MemberId AND PostId = @PostId";

    public const string InsertBookmark = "INSERT INTO PostBookmarks (MemberId, PostId, CreatedAt) VALUES (@MemberId, @PostId, @Now)";

    public const string SelectBookmarks = """
        SELECT p.Id AS PostId, p.Number, t.Id AS ThreadId, t.Title AS ThreadTitle, t.Slug AS ThreadSlug, t.CategoryId,
            m.DisplayName AS AuthorName, b.CreatedAt AS BookmarkedAt
        FROM PostBookmarks b
        JOIN Posts p ON p.Id = b.PostId
        JOIN Threads t ON t.Id = p.ThreadId
        LEFT JOIN Members m ON m.Id = p.AuthorId
        WHERE b.MemberId = @MemberId AND t.CategoryId IN @CategoryIds AND p.DeletedAt IS NULL
        ORDER BY b.CreatedAt DESC
        """;

    // Following and muting
    public const string SelectSubscription = "SELECT Level FROM ThreadSubscriptions WHERE MemberId = @MemberId AND ThreadId = @ThreadId";

    public const string DeleteSubscription = "DELETE FROM ThreadSubscriptions WHERE MemberId = @MemberId AND ThreadId = @ThreadId";

    public const string InsertSubscription = """
        INSERT INTO ThreadSubscriptions (MemberId, ThreadId, Level, UpdatedAt) VALUES (@MemberId, @ThreadId, @Level, @Now)
        """;

    /// <summary>Posting follows the thread, unless the member already chose (following or muted).</summary>
    public const string AutoFollow = """
        INSERT INTO ThreadSubscriptions (MemberId, ThreadId, Level, UpdatedAt)
        SELECT @MemberId, @ThreadId, 'Following', @Now
        WHERE NOT EXISTS (SELECT 1 FROM ThreadSubscriptions WHERE MemberId = @MemberId AND ThreadId = @ThreadId)
        """;

    public const string SelectSubscribers = "SELECT MemberId, Level FROM ThreadSubscriptions WHERE ThreadId = @ThreadId";

    // Following categories (for digests)
    public const string SelectCategoryFollowed = "SELECT COUNT(*) FROM CategorySubscriptions WHERE MemberId = @MemberId AND CategoryId = @CategoryId";

    public const string FollowCategory = """
        INSERT INTO CategorySubscriptions (MemberId, CategoryId, CreatedAt)
        SELECT @MemberId, @CategoryId, @Now
        WHERE NOT EXISTS (SELECT 1 FROM CategorySubscriptions WHERE MemberId = @MemberId AND CategoryId = @CategoryId)
        """;

    public const string UnfollowCategory = "DELETE FROM CategorySubscriptions WHERE MemberId = @MemberId AND CategoryId = @CategoryId";

    public const string ExportCategorySubscriptions = "SELECT CategoryId, CreatedAt FROM CategorySubscriptions WHERE MemberId = @MemberId ORDER BY CategoryId";

    // Ignoring members
    public const string SelectIgnoredIds = "SELECT IgnoredMemberId FROM MemberIgnores WHERE MemberId = @MemberId";

    public const string SelectIgnored = """
        SELECT m.Id AS MemberId, m.Handle, m.DisplayName
        FROM MemberIgnores i JOIN Members m ON m.Id = i.IgnoredMemberId
        WHERE i.MemberId = @MemberId ORDER BY m.DisplayName
        """;

    public const string InsertIgnore = """
        INSERT INTO MemberIgnores (MemberId, IgnoredMemberId, CreatedAt)
        SELECT @MemberId, @IgnoredMemberId, @Now
        WHERE NOT EXISTS (SELECT 1 FROM MemberIgnores WHERE MemberId = @MemberId AND IgnoredMemberId = @IgnoredMemberId)
        """;

    public const string DeleteIgnore = "DELETE FROM MemberIgnores WHERE MemberId = @MemberId AND IgnoredMemberId = @IgnoredMemberId";

    /// <summary>Of these members, the ones who ignore the author.</summary>
    public const string SelectIgnoringAuthor = "SELECT MemberId FROM MemberIgnores WHERE IgnoredMemberId = @AuthorId AND MemberId IN @MemberIds";

    // Members, for mentions and notification recipients
    public const string SelectMembersByHandle = "SELECT Id, Handle FROM Members WHERE NormalizedHandle IN @NormalizedHandles";

    public const string SelectPostAuthor = "SELECT AuthorId FROM Posts WHERE Id = @PostId";

    public const string SelectDisplayName = "SELECT DisplayName FROM Members WHERE Id = @MemberId";

    /// <summary>Of these members, those who want mentions and replies emailed at once, at a confirmed address (by primary key).</summary>
    public const string SelectImmediateRecipients = """
        SELECT Id, Email, DisplayName, Language FROM Members
        WHERE Id IN @MemberIds AND EmailImmediately = 1 AND EmailConfirmed = 1
        """;

    /// <summary>Of these members, those already told of a mention in this post (IX_Notifications_MemberId_Id).</summary>
    public const string SelectMentionedBefore = """
        SELECT DISTINCT MemberId FROM Notifications WHERE MemberId IN @MemberIds AND PostId = @PostId AND Kind = @Kind
        """;

    public const string SelectRolesForMembers = "SELECT MemberId, Role FROM MemberRoles WHERE MemberId IN @MemberIds";

    // Drafts
    public const string SelectDraft = """
        SELECT DraftKey, Title, Body, ContentNote, Tags, UpdatedAt FROM PostDrafts WHERE MemberId = @MemberId AND DraftKey = @DraftKey
        """;

    public const string UpdateDraft = """
        UPDATE PostDrafts SET Title = @Title, Body = @Body, ContentNote = @ContentNote, Tags = @Tags, UpdatedAt = @Now
        WHERE MemberId = @MemberId AND DraftKey = @DraftKey
        """;

    public const string InsertDraft = """
        INSERT INTO PostDrafts (MemberId, DraftKey, Title, Body, ContentNote, Tags, UpdatedAt)
        VALUES (@MemberId, @DraftKey, @Title, @Body, @ContentNote, @Tags, @Now)
        """;

    public const string DeleteDraft = "DELETE FROM PostDrafts WHERE MemberId = @MemberId AND DraftKey = @DraftKey";

    // Erasure and export (ForumMemberData)
    public const string ExportPosts = """
        SELECT p.Id, t.Title AS ThreadTitle, p.Number, p.Body, p.ContentNote, p.CreatedAt, p.EditedAt, p.DeletedAt
        FROM Posts p JOIN Threads t ON t.Id = p.ThreadId WHERE p.AuthorId = @MemberId ORDER BY p.Id
        """;

    public const string ExportBookmarks = "SELECT PostId, CreatedAt FROM PostBookmarks WHERE MemberId = @MemberId ORDER BY CreatedAt";

    public const string ExportReactions = "SELECT PostId, Kind, CreatedAt FROM PostReactions WHERE MemberId = @MemberId ORDER BY CreatedAt";

    public const string ExportDrafts = "SELECT DraftKey, Title, Body, UpdatedAt FROM PostDrafts WHERE MemberId = @MemberId";

    /// <summary>"Remove them": the member's posts stay as numbered placeholders so threads keep their shape.</summary>
    public const string RemovePostsOf = """
        DELETE FROM PostSearchText WHERE PostId IN (SELECT Id FROM Posts WHERE AuthorId = @MemberId);
        DELETE FROM PostRevisions WHERE PostId IN (SELECT Id FROM Posts WHERE AuthorId = @MemberId);
        UPDATE Posts SET Body = '', ContentNote = '', DeletedAt = COALESCE(DeletedAt, @Now) WHERE AuthorId = @MemberId;
        """;

    /// <summary>Clears every reference to the member that does not cascade with the member row.</summary>
    public const string DetachMember = """
        UPDATE Threads SET AuthorId = NULL WHERE AuthorId = @MemberId;
        UPDATE Threads SET LastPostAuthorId = NULL WHERE LastPostAuthorId = @MemberId;
        UPDATE Posts SET AuthorId = NULL WHERE AuthorId = @MemberId;
        UPDATE Posts SET HiddenByMemberId = NULL WHERE HiddenByMemberId = @MemberId;
        UPDATE PostRevisions SET EditorMemberId = NULL WHERE EditorMemberId = @MemberId;
        DELETE FROM MemberIgnores WHERE IgnoredMemberId = @MemberId;
        UPDATE Notifications SET ActorMemberId = NULL WHERE ActorMemberId = @MemberId;
        UPDATE PostFlags SET FlaggerMemberId = NULL WHERE FlaggerMemberId = @MemberId;
        UPDATE PostFlags SET ResolvedByMemberId = NULL WHERE ResolvedByMemberId = @MemberId;
        UPDATE ModerationActions SET ModeratorMemberId = NULL WHERE ModeratorMemberId = @MemberId;
        UPDATE ModerationActions SET SubjectMemberId = NULL WHERE SubjectMemberId = @MemberId;
        """;
}
