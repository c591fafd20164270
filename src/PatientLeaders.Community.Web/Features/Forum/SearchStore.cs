using System.Globalization;
using System.Text;
using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Forum;

public sealed record SearchRequest(
    string Text, long? CategoryId, string? AuthorHandle, string? Tag, DateOnly? From, DateOnly? To, bool NewestFirst);

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

public sealed class SearchStore(DbConnectionFactory db)
{
    public const int MaxResults = 50;

    /// <summary>Posts matching every word, only from <paramref name="visibleCategoryIds"/>.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, IReadOnlyCollection<long> visibleCategoryIds, CancellationToken ct)
    {
        var words = FullTextQuery.Words(request.Text);
        if (words.Count == 0 || visibleCategoryIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        long? authorId = null;
        if (!string.IsNullOrWhiteSpace(request.AuthorHandle))
        {
            authorId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(ForumSql.SelectMemberIdByHandle,
                new { NormalizedHandle = request.AuthorHandle.Trim().TrimStart('@').ToUpperInvariant() }, cancellationToken: ct));
            if (authorId is null)
            {
                return [];
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
        var sqlServer = db.Dialect.IsSqlServer;
        var order = request.NewestFirst ? ForumSql.SearchOrderNewest
            : sqlServer ? ForumSql.SearchOrderRelevanceSqlServer : ForumSql.SearchOrderRelevanceSqlite;
        var sql = string.Format(CultureInfo.InvariantCulture, sqlServer ? ForumSql.SearchSqlServer : ForumSql.SearchSqlite, filters, order);
        var args = new
        {
            Match = db.Dialect.FullTextMatch(words),
            CategoryIds = visibleCategoryIds.ToList(),
            request.CategoryId,
            AuthorId = authorId,
            request.Tag,
            From = request.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null,
            To = request.To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null,
            Take = MaxResults,
        };
        return (await connection.QueryAsync<SearchHit>(new CommandDefinition(db.Dialect.Limit(sql), args, cancellationToken: ct))).ToList();
    }
}
