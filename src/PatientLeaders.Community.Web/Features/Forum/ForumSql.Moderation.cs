namespace PatientLeaders.Community.Web.Features.Forum;

public static partial class ForumSql
{
    public const string InsertModerationAction = """
        INSERT INTO ModerationActions (ModeratorMemberId, Action, ThreadId, PostId, Reason, CreatedAt)
        VALUES (@ModeratorId, @Action, @ThreadId, @PostId, @Reason, @Now)
        """;

    public const string SelectRecentModerationActions = """
        SELECT a.Id, a.Action, a.ThreadId, a.PostId, a.Reason, a.CreatedAt, m.DisplayName AS ModeratorName, t.Title AS ThreadTitle
        FROM ModerationActions a
        LEFT JOIN Members m ON m.Id = a.ModeratorMemberId
        LEFT JOIN Threads t ON t.Id = a.ThreadId
        ORDER BY a.CreatedAt DESC, a.Id DESC
        """;

    public const string InsertFlag = """
        INSERT INTO PostFlags (PostId, FlaggerMemberId, Reason, Note, CreatedAt) VALUES (@PostId, @FlaggerId, @Reason, @Note, @Now)
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
        ORDER BY f.Id
        """;

    public const string ResolveFlag = """
        UPDATE PostFlags SET ResolvedAt = @Now, ResolvedByMemberId = @ModeratorId, Resolution = @Resolution
        WHERE Id = @FlagId AND ResolvedAt IS NULL
        """;

    public const string SelectFlagPostId = "SELECT PostId FROM PostFlags WHERE Id = @FlagId";
}
