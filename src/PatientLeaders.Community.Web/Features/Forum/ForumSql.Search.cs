namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>Search: the same shape on both dialects, with the full-text source and ranking in two named constants.</summary>
public static partial class ForumSql
{
    // {0} = filter fragments below, {1} = an order constant. The caller always limits by t.CategoryId IN @CategoryIds:
    // the categories the searcher can open, so a post in any other category can never be returned.
    private const string SearchColumns = """
        SELECT p.Id AS PostId, p.Number, t.Id AS ThreadId, t.Title AS ThreadTitle, t.Slug AS ThreadSlug, c.Name AS CategoryName,
            m.DisplayName AS AuthorName, p.CreatedAt, s.Body AS Text
        """;

    private const string SearchJoins = """

        JOIN Posts p ON p.Id = s.PostId
        JOIN Threads t ON t.Id = p.ThreadId
        JOIN ForumCategories c ON c.Id = t.CategoryId
        LEFT JOIN Members m ON m.Id = p.AuthorId

        """;

    private const string SearchFilters = """
        t.CategoryId IN @CategoryIds AND p.DeletedAt IS NULL AND p.HiddenAt IS NULL{0}
        ORDER BY {1}
        """;

    /// <summary>SQLite FTS5: MATCH on the index, bm25 with the title weighted above the body (lower is better).</summary>
    public const string SearchSqlite = SearchColumns + """

        FROM PostSearchIndex
        JOIN PostSearchText s ON s.PostId = PostSearchIndex.rowid
        """ + SearchJoins + "WHERE PostSearchIndex MATCH @Match AND " + SearchFilters;

    public const string SearchOrderRelevanceSqlite = "bm25(PostSearchIndex, 5.0, 1.0), p.Id DESC";

    /// <summary>SQL Server full-text: CONTAINSTABLE over both columns (higher RANK is better).</summary>
    public const string SearchSqlServer = SearchColumns + """

        FROM CONTAINSTABLE(PostSearchText, (Title, Body), @Match) k
        JOIN PostSearchText s ON s.PostId = k.[KEY]
        """ + SearchJoins + "WHERE " + SearchFilters;

    public const string SearchOrderRelevanceSqlServer = "k.RANK DESC, p.Id DESC";

    public const string SearchOrderNewest = "p.CreatedAt DESC, p.Id DESC";

    public const string SearchCategoryFilter = " AND t.CategoryId = @CategoryId";

    public const string SearchAuthorFilter = " AND p.AuthorId = @AuthorId";

    public const string SearchFromFilter = " AND p.CreatedAt >= @From";

    public const string SearchToFilter = " AND p.CreatedAt < @To";

    public const string SelectMemberIdByHandle = "SELECT Id FROM Members WHERE NormalizedHandle = @NormalizedHandle";
}
