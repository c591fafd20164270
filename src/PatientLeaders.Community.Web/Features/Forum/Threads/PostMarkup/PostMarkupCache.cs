using Microsoft.Extensions.Caching.Memory;

namespace PatientLeaders.Community.Web.Features.Forum.Threads.PostMarkup;

/// <summary>
/// Each post's markup, shared by every reader whose <see cref="PostShape"/> is equal. Nothing is ever invalidated:
/// the key is the whole shape, so an edit, a hide, a rename, a new reaction or another language is simply another key,
/// and the old entry ages out. The differential test renders pages with the cache on and off and compares them.
/// </summary>
public sealed class PostMarkupCache : IDisposable
{
    // Characters of markup held, about 32 MB: a few thousand posts in a few shapes each.
    private const long CacheCharacters = 16_000_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = CacheCharacters });

    /// <summary>Off, every post is written through the template for each reader (the differential test's reference).</summary>
    public bool Enabled { get; set; } = true;

    public RememberedPost GetOrAdd(PostShape shape, Func<PostShape, RememberedPost> render)
    {
        if (cache.TryGetValue(shape, out RememberedPost? markup))
        {
            return markup!;
        }
        markup = render(shape);
        cache.Set(shape, markup, new MemoryCacheEntryOptions { Size = markup.Length + shape.Post.Body.Length + shape.Html.Value.Length });
        return markup;
    }

    public void Dispose() => cache.Dispose();
}
