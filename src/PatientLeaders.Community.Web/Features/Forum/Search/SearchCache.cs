using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Forum.Search;

/// <summary>
/// Pages of search results, remembered for the next searcher who asks the same thing and may see the same
/// categories. An entry is keyed by the search's change counter (<see cref="Data.ChangeCounters.Search"/>: triggers move
/// it on every write to posts, their text, threads, tags, categories and members' names), read before searching, so no write can be
/// missed; by the visible categories (the searcher's visibility class), never the member; and by the request as the
/// index is asked it (the full-text match, the filters as resolved, the sort and the cursor).
/// </summary>
public sealed class SearchCache : IDisposable
{
    private readonly MemoryCache cache;
    private readonly TimeSpan lifetime;

    public SearchCache(IOptions<ForumSearchOptions> options)
    {
        lifetime = TimeSpan.FromSeconds(options.Value.CacheSeconds);
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CacheEntries) });
    }

    public bool Enabled => lifetime > TimeSpan.Zero;

    public bool TryGet(SearchCacheKey key, out SearchPage page) => cache.TryGetValue(key, out page!);

    public void Set(SearchCacheKey key, SearchPage page)
    {
        if (Enabled)
        {
            cache.Set(key, page, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
        }
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>Everything a page of results depends on besides the data, whose every change moves <paramref name="Generation"/>.</summary>
/// <param name="Categories">The categories the searcher may open, in order, comma-separated.</param>
public sealed record SearchCacheKey(
    long Generation, string Match, string Categories, long? CategoryId, string? Author, string? Tag,
    DateTimeOffset? From, DateTimeOffset? To, bool NewestFirst, string? After);
