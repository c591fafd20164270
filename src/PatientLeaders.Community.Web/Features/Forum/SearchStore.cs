using System.Globalization;
using System.Text;
using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Forum;

public sealed record SearchRequest(
    string Text, long? CategoryId, string? AuthorHandle, string? Tag, DateOnly? From, DateOnly? To, bool NewestFirst,
    TimeZoneInfo? Zone = null);

public sealed record SearchHit
{
    public long PostId { get; init; }
    public int Number { get; init; }
    public long ThreadId { get; init; }
    public string ThreadTitle { get; init; } = "";
    public string ThreadSlug { get; init; } = "";
    public string CategoryName { get; init; } = "";
    public string? AuthorName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string Text { get; init; } = "";
}

/// <summary>One page of results, and where the next one starts (null on the last page).</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int FirstNumber, SearchCursor? Next)
{
    public static readonly SearchPage Empty = new([], 1, null);
}

public sealed class SearchStore(DbConnectionFactory db)
{
    public const int PageSize = 50;

    /// <summary>The largest candidate window; windows grow 4× from a page and one while filters reject candidates.</summary>
    public const int MaxWindow = 5_000;

    private sealed record Candidate
    {
        public long PostId { get; init; }
        public double Score { get; init; }
        public bool Visible { get; init; }
    }

    /// <summary>Posts matching every word, only from <paramref name="visibleCategoryIds"/>, after <paramref name="after"/>.</summary>
    public async Task<SearchPage> SearchAsync(SearchRequest request, IReadOnlyCollection<long> visibleCategoryIds, SearchCursor? after, CancellationToken ct)
    {
        var words = FullTextQuery.Words(request.Text);
        if (words.Count == 0 || visibleCategoryIds.Count == 0)
        {
            return SearchPage.Empty;
        }
        await using var connection = await db.OpenAsync(ct);
        long? authorId = null;
        if (!string.IsNullOrWhiteSpace(request.AuthorHandle))
        {
            authorId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(ForumSql.SelectMemberIdByHandle,
                new { NormalizedHandle = request.AuthorHandle.Trim().TrimStart('@').ToUpperInvariant() }, cancellationToken: ct));
            if (authorId is null)
            {
                return SearchPage.Empty;
            }
        }
        var filters = new StringBuilder();
        if (request.CategoryId is not null)
        {
            filters.Append(ForumSql.SearchCategoryFilter);
        }
        if (authorId is not null)
        {
            filters.Append(ForumSql.SearchAuthorFilter);
        }
        if (request.Tag is not null)
        {
            filters.Append(ForumSql.TagFilter);
        }
        if (request.From is not null)
        {
            filters.Append(ForumSql.SearchFromFilter);
        }
        if (request.To is not null)
        {
            filters.Append(ForumSql.SearchToFilter);
        }
        var match = db.Dialect.FullTextMatch(words);
        var categoryIds = visibleCategoryIds.ToList();
        var from = request.From is { } f ? ReaderDays.StartOfDay(f, request.Zone) : (DateTimeOffset?)null;
        var to = request.To is { } t ? ReaderDays.StartOfDay(t.AddDays(1), request.Zone) : (DateTimeOffset?)null;

        // Candidates in cursor order until a page and one are visible or the matches run out. Each shown hit keeps
        // the depth (candidates passed) at which it was found, so the next page's cursor can resume right after it.
        var shown = new List<(Candidate Hit, int Depth)>();
        var cursor = after;
        var depth = after?.Depth ?? 0;
        var window = PageSize + 1;
        while (true)
        {
            var sql = CandidateSql(request.NewestFirst, cursor is not null, filters.ToString());
            var candidates = (await connection.QueryAsync<Candidate>(new CommandDefinition(sql, new
            {
                Match = match, CategoryIds = categoryIds, request.CategoryId, AuthorId = authorId, request.Tag, From = from, To = to,
                AfterScore = cursor?.Score ?? 0, AfterId = cursor?.PostId ?? 0, Window = window, Depth = depth + window,
            }, cancellationToken: ct))).ToList();
            for (var i = 0; i < candidates.Count && shown.Count <= PageSize; i++)
            {
                if (candidates[i].Visible)
                {
                    shown.Add((candidates[i], depth + i + 1));
                }
            }
            if (shown.Count > PageSize || candidates.Count < window)
            {
                break;
            }
            var last = candidates[^1];
            depth += candidates.Count;
            cursor = new SearchCursor(last.Score, last.PostId, depth, 0);
            window = Math.Min(window * 4, MaxWindow);
        }

        var page = shown.Take(PageSize).ToList();
        if (page.Count == 0)
        {
            return new SearchPage([], (after?.Shown ?? 0) + 1, null);
        }
        var rows = (await connection.QueryAsync<SearchHit>(new CommandDefinition(ForumSql.SearchHits,
            new { PostIds = page.Select(h => h.Hit.PostId).ToList(), CategoryIds = categoryIds }, cancellationToken: ct))).ToDictionary(h => h.PostId);
        var hits = page.Where(h => rows.ContainsKey(h.Hit.PostId)).Select(h => rows[h.Hit.PostId]).ToList();
        var shownBefore = after?.Shown ?? 0;
        var lastShown = page[^1];
        var next = shown.Count > PageSize
            ? new SearchCursor(lastShown.Hit.Score, lastShown.Hit.PostId, lastShown.Depth, shownBefore + page.Count)
            : null;
        return new SearchPage(hits, shownBefore + 1, next);
    }

    private string CandidateSql(bool newestFirst, bool hasCursor, string filters)
    {
        var sqlServer = db.Dialect.IsSqlServer;
        var (ranked, afterClause) = (newestFirst, sqlServer) switch
        {
            (true, false) => (ForumSql.SearchNewestSqlite, ForumSql.SearchAfterIdSqlite),
            (true, true) => (ForumSql.SearchNewestSqlServer, ForumSql.SearchAfterIdSqlServer),
            (false, false) => (ForumSql.SearchRankedSqlite, ForumSql.SearchAfterRankSqlite),
            (false, true) => (ForumSql.SearchRankedSqlServer, ForumSql.SearchAfterRankSqlServer),
        };
        var candidates = string.Format(CultureInfo.InvariantCulture, ranked, hasCursor ? afterClause : "");
        return string.Format(CultureInfo.InvariantCulture, ForumSql.SearchCandidates, candidates, filters);
    }
}
