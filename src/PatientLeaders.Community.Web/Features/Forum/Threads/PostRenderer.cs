using Microsoft.Extensions.Caching.Memory;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>Post Markdown → sanitized HTML with @mentions of real members linked to their profiles.</summary>
public sealed class PostRenderer(MarkdownRenderer renderer, MentionLinker linker) : IDisposable
{
    // Characters of Markdown and HTML held, about 32 MB: the posts being read now, not the archive.
    private const long CacheCharacters = 16_000_000;

    // Rendering is most of a thread page's cost (Markdig, then the sanitizer's passes over AngleSharp's DOM), and
    // posts are read far more often than written. Keyed by the post and its text itself, so an edit or erasure can
    // never be served stale, and by which mentioned handles are members, since only that changes the linking.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = CacheCharacters });

    public SanitizedHtml Render(string markdown, IReadOnlyDictionary<string, long> members) =>
        linker.Link(renderer.Render(markdown), members.ContainsKey);

    /// <summary>The same result as <see cref="Render"/>, remembered: for posts as stored, not for drafts or previews.</summary>
    public SanitizedHtml RenderStored(long postId, string markdown, IReadOnlyDictionary<string, long> members)
    {
        var rendered = cache.GetOrCreate(new MarkdownKey(postId, markdown), entry =>
        {
            var html = renderer.Render(markdown);
            entry.Size = markdown.Length + html.Value.Length;
            return new RenderedMarkdown(html, MentionLinker.LinkableHandles(html));
        })!;
        var linked = rendered.Handles.Where(members.ContainsKey).ToList();
        if (linked.Count == 0)
        {
            return rendered.Html;
        }
        return cache.GetOrCreate(new LinkedKey(postId, markdown, string.Join(' ', linked)), entry =>
        {
            var html = linker.Link(rendered.Html, members.ContainsKey);
            entry.Size = markdown.Length + html.Value.Length;
            return html;
        })!;
    }

    public void Dispose() => cache.Dispose();

    // Equal only with the same text, but hashed by the post and the text's length: hashing a whole post on every read
    // cost more than the rest of the lookup. The post's id keeps posts apart; only its own edits share a bucket.
    private sealed record MarkdownKey(long PostId, string Markdown)
    {
        public override int GetHashCode() => HashCode.Combine(PostId, Markdown.Length);
    }

    private sealed record LinkedKey(long PostId, string Markdown, string MemberHandles)
    {
        public override int GetHashCode() => HashCode.Combine(PostId, Markdown.Length, MemberHandles);
    }

    private sealed record RenderedMarkdown(SanitizedHtml Html, IReadOnlyList<string> Handles);
}
