using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Forum.Search;

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

public sealed class SearchStore(DbConnectionFactory db, IOptions<ForumSearchOptions> options, TimeProvider clock, SearchCache cache)
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
        var categoryIds = visibleCategoryIds.ToList();
        var from = request.From is { } f ? ReaderDays.StartOfDay(f, request.Zone) : (DateTimeOffset?)null;
        var to = request.To is { } t ? ReaderDays.StartOfDay(t.AddDays(1), request.Zone) : (DateTimeOffset?)null;
        var match = db.Dialect.FullTextMatch(words, SearchMonths.Spanned(from, to, clock.GetUtcNow()));
        var author = string.IsNullOrWhiteSpace(request.AuthorHandle) ? null : request.AuthorHandle.Trim().TrimStart('@').ToUpperInvariant();
        await using var connection = await db.OpenAsync(ct);
        // Read before searching: a write that lands while this search runs moves the counter past this entry's key.
        var key = !cache.Enabled ? null : new SearchCacheKey(
            await ChangeCounters.ReadAsync(connection, ChangeCounters.Search, ct),
            match, string.Join(',', categoryIds.Order()), request.CategoryId, author, request.Tag, from, to, request.NewestFirst, after?.ToString());
        if (key is not null && cache.TryGet(key, out var remembered))
        {
            return remembered;
        }
        long? authorId = null;
        if (author is not null)
        {
            authorId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(ForumSql.SelectMemberIdByHandle,
                new { NormalizedHandle = author }, cancellationToken: ct));
            if (authorId is null)
            {
                return Remember(key, SearchPage.Empty);
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
        var parameters = new CandidateParameters(match, categoryIds, request.CategoryId, authorId, request.Tag, from, to);

        // A page and one, so the page knows whether another follows.
        var shown = request.NewestFirst || db.Dialect.IsSqlServer
            ? await WindowsAsync(connection, parameters, request.NewestFirst, filters.ToString(), after, ct)
            : await BandsAsync(connection, parameters, filters.ToString(), after, ct);
        var page = shown.Take(PageSize).ToList();
        if (page.Count == 0)
        {
            return Remember(key, new SearchPage([], (after?.Shown ?? 0) + 1, null));
        }
        var rows = (await connection.QueryAsync<SearchHit>(new CommandDefinition(ForumSql.SearchHits,
            new { PostIds = page.Select(h => h.Hit.PostId).ToList(), CategoryIds = categoryIds }, cancellationToken: ct))).ToDictionary(h => h.PostId);
        var hits = page.Where(h => rows.ContainsKey(h.Hit.PostId)).Select(h => rows[h.Hit.PostId]).ToList();
        var shownBefore = after?.Shown ?? 0;
        var next = shown.Count > PageSize ? page[^1].ResumeAfter with { Shown = shownBefore + page.Count } : null;
        return Remember(key, new SearchPage(hits, shownBefore + 1, next));
    }

    private SearchPage Remember(SearchCacheKey? key, SearchPage page)
    {
        if (key is not null)
        {
            cache.Set(key, page);
        }
        return page;
    }

    private sealed record CandidateParameters(
        string Match, List<long> CategoryIds, long? CategoryId, long? AuthorId, string? Tag, DateTimeOffset? From, DateTimeOffset? To);

    /// <summary>A visible candidate, and the cursor that resumes the search right after it.</summary>
    private readonly record struct Shown(Candidate Hit, SearchCursor ResumeAfter);

    /// <summary>
    /// Newest first, and SQL Server's ranking: windows of candidates in cursor order, growing while filters reject
    /// them, until a page and one are visible or the matches run out. Each hit keeps the depth (candidates passed)
    /// at which it was found, for SQL Server's top_n_by_rank.
    /// </summary>
    private async Task<List<Shown>> WindowsAsync(DbConnection connection, CandidateParameters parameters, bool newestFirst, string filters,
        SearchCursor? after, CancellationToken ct)
    {
        var shown = new List<Shown>();
        var cursor = after;
        var depth = after?.Depth ?? 0;
        var window = PageSize + 1;
        while (true)
        {
            var sql = CandidateSql(newestFirst, cursor is not null, filters);
            var candidates = (await connection.QueryAsync<Candidate>(new CommandDefinition(sql, new
            {
                parameters.Match, parameters.CategoryIds, parameters.CategoryId, parameters.AuthorId, parameters.Tag, parameters.From, parameters.To,
                AfterScore = cursor?.Score ?? 0, AfterId = cursor?.PostId ?? 0, Window = window, Depth = depth + window,
            }, cancellationToken: ct))).ToList();
            for (var i = 0; i < candidates.Count && shown.Count <= PageSize; i++)
            {
                if (candidates[i].Visible)
                {
                    shown.Add(new Shown(candidates[i], new SearchCursor(candidates[i].Score, candidates[i].PostId, depth + i + 1, 0)));
                }
            }
            if (shown.Count > PageSize || candidates.Count < window)
            {
                return shown;
            }
            var last = candidates[^1];
            depth += candidates.Count;
            cursor = new SearchCursor(last.Score, last.PostId, depth, 0);
            window = Math.Min(window * 4, MaxWindow);
        }
    }

    /// <summary>
    /// SQLite, best match first: bands of the newest matches, each ranked on its own (<see cref="ForumSearchOptions.RankBand"/>),
    /// from the cursor's band and position on, until a page and one are visible or the matches run out. Visibility
    /// is checked in runs down the band's ranking, a page and one first and growing while filters reject them.
    /// </summary>
    private async Task<List<Shown>> BandsAsync(DbConnection connection, CandidateParameters parameters, string filters,
        SearchCursor? after, CancellationToken ct)
    {
        var shown = new List<Shown>();
        var band = options.Value.RankBand;
        var bandSql = string.Format(CultureInfo.InvariantCulture, ForumSql.SearchBandSqlite, parameters.AuthorId is null ? "" : ForumSql.SearchBandAuthorSqlite);
        var visibleSql = string.Format(CultureInfo.InvariantCulture, ForumSql.SearchVisibleSqlite, "", filters);
        var bandTop = after?.BandTop ?? 0;   // 0: the newest band
        var resume = after;
        var run = PageSize + 1;
        while (true)
        {
            var ranked = (await connection.QueryAsync<Candidate>(new CommandDefinition(bandSql, new
            {
                parameters.Match, parameters.AuthorId, BandTop = bandTop > 0 ? bandTop : long.MaxValue, Band = band,
            }, cancellationToken: ct))).ToList();
            var remaining = resume is null ? ranked : ranked.Where(c => IsAfter(c, resume)).ToList();
            for (var start = 0; start < remaining.Count; start += run, run = Math.Min(run * 4, MaxWindow))
            {
                var slice = remaining.GetRange(start, Math.Min(run, remaining.Count - start));
                var ids = JsonIntegers.From(slice.Select(c => c.PostId));
                var visible = (await connection.QueryAsync<long>(new CommandDefinition(visibleSql, new
                {
                    Ids = ids, parameters.CategoryIds, parameters.CategoryId, parameters.AuthorId, parameters.Tag, parameters.From, parameters.To,
                }, cancellationToken: ct))).ToHashSet();
                foreach (var candidate in slice.Where(c => visible.Contains(c.PostId)))
                {
                    shown.Add(new Shown(candidate, new SearchCursor(candidate.Score, candidate.PostId, 0, 0, bandTop)));
                    if (shown.Count > PageSize)
                    {
                        return shown;
                    }
                }
            }
            var oldest = ranked.Count == 0 ? 1 : ranked.Min(c => c.PostId);
            // Post ids start at 1, and a bandTop of 0 would mean the newest band again.
            if (ranked.Count < band || oldest <= 1)
            {
                return shown;
            }
            bandTop = oldest - 1;
            resume = null;
        }
    }

    /// <summary>Rank order within a band: the lower score first, then the newer post.</summary>
    private static bool IsAfter(Candidate candidate, SearchCursor cursor) =>
        candidate.Score > cursor.Score || (candidate.Score == cursor.Score && candidate.PostId < cursor.PostId);

    private string CandidateSql(bool newestFirst, bool hasCursor, string filters)
    {
        var sqlServer = db.Dialect.IsSqlServer;
        // Best match first on SQLite goes by bands (BandsAsync), so only SQL Server ranks in windows.
        var (ranked, afterClause) = (newestFirst, sqlServer) switch
        {
            (true, false) => (ForumSql.SearchNewestSqlite, ForumSql.SearchAfterIdSqlite),
            (true, true) => (ForumSql.SearchNewestSqlServer, ForumSql.SearchAfterIdSqlServer),
            (false, _) => (ForumSql.SearchRankedSqlServer, ForumSql.SearchAfterRankSqlServer),
        };
        var candidates = string.Format(CultureInfo.InvariantCulture, ranked, hasCursor ? afterClause : "");
        return string.Format(CultureInfo.InvariantCulture, ForumSql.SearchCandidates, candidates, filters);
    }
}
