using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>One post as _PostList shows it to one viewer: its shared shape (<see cref="PostMarkup.PostShape"/>) and this reader's state.</summary>
public sealed record PostItem(
    PostView Post,
    ThreadView Thread,
    SanitizedHtml Html,
    IReadOnlyList<ReactionRow> Reactions,
    bool IsBookmarked,
    bool AuthorIgnored,
    bool IsNew,
    bool IsFirstNew,
    ForumViewer Viewer)
{
    /// <summary>In the nested view: the replies shown under this top-level post (empty for the replies themselves).</summary>
    public IReadOnlyList<PostItem> Replies { get; init; } = [];

    /// <summary>The reader is in the nested view: links keep it, and replies under a top-level post use h3.</summary>
    public bool Nested { get; init; }

    public bool IsNestedReply { get; init; }

    public bool IsOwn => Viewer.MemberId is { } id && Post.AuthorId == id;

    /// <summary>
    /// The posts of one loaded page (or live fragment) as this viewer sees them; posts from <paramref name="firstNewNumber"/>
    /// on are marked new, and in order the first of them is the anchor a returning reader lands on.
    /// </summary>
    public static IReadOnlyList<PostItem> ListFrom(ThreadPageData data, ThreadView thread, PostRenderer renderer, ForumViewer viewer, int? firstNewNumber,
        bool nested = false)
    {
        var reactions = data.Reactions.ToLookup(r => r.PostId);
        return data.Posts.Select(p => new PostItem(
            p, thread,
            p.IsDeleted ? SanitizedHtml.Empty : renderer.RenderStored(p.Id, p.Body, data.MentionedMembers),
            reactions[p.Id].ToList(),
            data.Reader.Bookmarked.Contains(p.Id),
            p.AuthorId is { } author && data.Reader.Ignored.Contains(author),
            firstNewNumber is { } n && p.Number >= n,
            !nested && firstNewNumber is { } m && p.Number == m,
            viewer) { Nested = nested }).ToList();
    }
}
