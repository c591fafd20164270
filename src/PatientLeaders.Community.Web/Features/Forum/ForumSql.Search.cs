namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// Search in two steps, so the cost follows the page shown rather than every match (docs/benchmarks.md):
/// (1) the full-text engine alone finds a window of candidate post ids (newest first, or ranked: on SQLite a band of
/// the newest matches ranked together), after the keyset cursor, and each candidate is flagged visible or not by a
/// primary-key join; (2) the visible ones the page shows are read in full.
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
    /// SQLite, best match first: one band of matches, the @Band newest at or below @BandTop, scored with bm25 (the
    /// title weighted above the body, the month token not at all), in score order. FTS5 can only order by rank after scoring every match, so a
    /// band bounds the work (<see cref="ForumSearchOptions.RankBand"/>). Nothing is joined: visibility is checked
    /// afterwards for as many of the band's best as the page needs (<see cref="SearchVisibleSqlite"/>).
    /// {0} = <see cref="SearchBandAuthorSqlite"/> when an author is asked for.
    /// </summary>
    public const string SearchBandSqlite = """
        SELECT PostId, Score FROM (
            SELECT rowid AS PostId, bm25(PostSearchIndex, 5.0, 1.0, 0.0) AS Score FROM PostSearchIndex
            WHERE PostSearchIndex MATCH @Match AND rowid <= @BandTop{0} ORDER BY rowid DESC LIMIT @Band)
        ORDER BY Score, PostId DESC
        """;

    /// <summary>
    /// One member's posts are few next to a common word's matches, so the band holds only theirs (IX_Posts_AuthorId).
    /// The unary + keeps FTS5 from taking the list as rowid lookups, each of which evaluates the whole MATCH again:
    /// 4.9 s instead of 24 ms for a common word and a member with 8,000 posts.
    /// </summary>
    public const string SearchBandAuthorSqlite = " AND +rowid IN (SELECT Id FROM Posts WHERE AuthorId = @AuthorId)";

    /// <summary>Which of the post ids in @Ids (a JSON array) the searcher may see and the filters keep. {1} = filter fragments.</summary>
    public const string SearchVisibleSqlite = """
        SELECT p.Id FROM Posts p JOIN Threads t ON t.Id = p.ThreadId
        WHERE p.Id IN (SELECT value FROM json_each(@Ids)) AND
        """ + " " + SearchVisibility;

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
