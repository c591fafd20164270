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
}
