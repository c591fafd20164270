namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// Search in two steps, so the cost follows the page shown rather than every match (docs/benchmarks.md):
/// (1) the full-text engine alone ranks a window of candidate post ids, after the keyset cursor, and each candidate
/// is flagged visible or not by a primary-key join; (2) the visible ones the page shows are read in full.
/// Scores ascend on both dialects (SQLite's bm25 is lower-is-better; SQL Server's RANK is negated), ties newest first.
/// </summary>
public static partial class ForumSql
{
    // {0} = the candidate query below, {1} = filter fragments. The caller always passes @CategoryIds, the categories
    // the searcher can open, so a post in any other category is never flagged visible.
    private const string SearchVisibility = """
        t.CategoryId IN @CategoryIds AND p.DeletedAt IS NULL AND p.HiddenAt IS NULL{1}
        """;

    /// <summary>Step 1: a window of ranked candidates with a visibility flag, in cursor order.</summary>
    public const string SearchCandidates = """
        SELECT k.PostId, k.Score, CASE WHEN
        """ + " " + SearchVisibility + """
         THEN 1 ELSE 0 END AS Visible
        FROM ({0}) k
        JOIN Posts p ON p.Id = k.PostId
        JOIN Threads t ON t.Id = p.ThreadId
        ORDER BY k.Score, k.PostId DESC
        """;

    /// <summary>
    /// SQLite FTS5 ranks inside the index (ORDER BY rank with bm25, the title weighted above the body) and stops at
    /// @Window; nothing is joined before the limit. {0} = <see cref="SearchAfterRankSqlite"/> on later pages.
    /// </summary>
    public const string SearchRankedSqlite = """
        SELECT rowid AS PostId, rank AS Score FROM PostSearchIndex
        WHERE PostSearchIndex MATCH @Match AND rank MATCH 'bm25(5.0, 1.0)'{0}
        ORDER BY rank, rowid DESC LIMIT @Window
        """;

    public const string SearchAfterRankSqlite = " AND (rank > @AfterScore OR (rank = @AfterScore AND rowid < @AfterId))";

    /// <summary>Newest first is post id order (ids rise with time), which FTS5 walks backwards from the cursor without sorting.</summary>
    public const string SearchNewestSqlite = """
        SELECT rowid AS PostId, 0.0 AS Score FROM PostSearchIndex
        WHERE PostSearchIndex MATCH @Match{0}
        ORDER BY rowid DESC LIMIT @Window
        """;

    public const string SearchAfterIdSqlite = " AND rowid < @AfterId";

    /// <summary>
    /// SQL Server: CONTAINSTABLE's top_n_by_rank (@Depth = candidates already passed + @Window) keeps only the best
    /// matches, so the engine never hands back the whole match set.
    /// </summary>
    public const string SearchRankedSqlServer = """
        SELECT TOP (@Window) k.[KEY] AS PostId, CAST(-k.RANK AS FLOAT) AS Score
        FROM CONTAINSTABLE(PostSearchText, (Title, Body), @Match, @Depth) k
        WHERE 1 = 1{0}
        ORDER BY k.RANK DESC, k.[KEY] DESC
        """;

    public const string SearchAfterRankSqlServer = " AND (-k.RANK > @AfterScore OR (-k.RANK = @AfterScore AND k.[KEY] < @AfterId))";

    public const string SearchNewestSqlServer = """
        SELECT TOP (@Window) k.[KEY] AS PostId, CAST(0 AS FLOAT) AS Score
        FROM CONTAINSTABLE(PostSearchText, (Title, Body), @Match) k
        WHERE 1 = 1{0}
        ORDER BY k.[KEY] DESC
        """;

    public const string SearchAfterIdSqlServer = " AND k.[KEY] < @AfterId";

    /// <summary>Step 2: the rows one page shows (at most a page and one), checked against @CategoryIds once more.</summary>
    public const string SearchHits = """
        SELECT p.Id AS PostId, p.Number, t.Id AS ThreadId, t.Title AS ThreadTitle, t.Slug AS ThreadSlug, c.Name AS CategoryName,
            m.DisplayName AS AuthorName, p.CreatedAt, s.Body AS Text
        FROM PostSearchText s
        JOIN Posts p ON p.Id = s.PostId
        JOIN Threads t ON t.Id = p.ThreadId
        JOIN ForumCategories c ON c.Id = t.CategoryId
        LEFT JOIN Members m ON m.Id = p.AuthorId
        WHERE s.PostId IN @PostIds AND t.CategoryId IN @CategoryIds AND p.DeletedAt IS NULL AND p.HiddenAt IS NULL
        """;

    public const string SearchCategoryFilter = " AND t.CategoryId = @CategoryId";

    public const string SearchAuthorFilter = " AND p.AuthorId = @AuthorId";

    public const string SearchFromFilter = " AND p.CreatedAt >= @From";

    public const string SearchToFilter = " AND p.CreatedAt < @To";

    public const string SelectMemberIdByHandle = "SELECT Id FROM Members WHERE NormalizedHandle = @NormalizedHandle";
}
