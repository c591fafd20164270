using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>One post as the _Post partial shows it to one viewer.</summary>
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

    public string Link => ForumUrls.Post(Post, Thread, Nested);

    /// <summary>Where "in reply to" points: the same view of this thread, or the permalink when the post answered is now elsewhere.</summary>
    public string? ReplyToLink => Post switch
    {
        { ReplyToPostId: { } id, ReplyToThreadId: { } thread } when thread != Thread.Id => ForumUrls.Permalink(id),
        { ReplyToPostId: { } id, ReplyToNumber: { } number, ReplyToBranch: { } branch } =>
            Nested ? ForumUrls.NestedPost(Thread.Id, Thread.Slug, id, branch) : ForumUrls.Post(Thread.Id, Thread.Slug, id, number),
        _ => null,
    };

    public bool RepliesToOtherThread => Post.ReplyToThreadId is { } thread && thread != Thread.Id;

    public bool IsOwn => Viewer.MemberId is { } id && Post.AuthorId == id;

    public bool CanSeeHiddenText => IsOwn || Viewer.IsModerator;

    public bool Reacted(string kind) => Viewer.MemberId is { } id && Reactions.Any(r => r.Kind == kind && r.MemberId == id);

    public int Count(string kind) => Reactions.Count(r => r.Kind == kind);

    /// <summary>The posts of one loaded page (or live fragment) as this viewer sees them.</summary>
    public static IReadOnlyList<PostItem> ListFrom(ThreadPageData data, ThreadView thread, PostRenderer renderer, ForumViewer viewer, int? firstNewNumber)
    {
        var reactions = data.Reactions.ToLookup(r => r.PostId);
        return data.Posts.Select(p => new PostItem(
            p, thread,
            p.IsDeleted ? SanitizedHtml.Empty : renderer.RenderStored(p.Body, data.MentionedMembers),
            reactions[p.Id].ToList(),
            data.Bookmarked.Contains(p.Id),
            p.AuthorId is { } author && data.Ignored.Contains(author),
            firstNewNumber is { } n && p.Number >= n,
            firstNewNumber is { } m && p.Number == m,
            viewer)).ToList();
    }
}
