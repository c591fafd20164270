using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum;

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
            p.IsDeleted ? SanitizedHtml.Empty : renderer.Render(p.Body, data.MentionedMembers),
            reactions[p.Id].ToList(),
            data.Bookmarked.Contains(p.Id),
            p.AuthorId is { } author && data.Ignored.Contains(author),
            firstNewNumber is { } n && p.Number >= n,
            firstNewNumber is { } m && p.Number == m,
            viewer)).ToList();
    }
}
