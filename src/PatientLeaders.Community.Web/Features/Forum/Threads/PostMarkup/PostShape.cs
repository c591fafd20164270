using System.Globalization;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads.PostMarkup;

/// <summary>
/// Everything a post's shared markup is made from, and nothing that differs between readers who share it: both the
/// model the template reads and the key its markup is remembered by (<see cref="PostMarkupCache"/>). Record equality
/// compares every field, so whatever the template can read is in the key by construction; what differs per reader
/// (the antiforgery token, the "new" marker, the reader's own reactions and bookmark) is left as holes
/// (<see cref="PostReaderState"/>). The viewer appears only as the handful of facts that change which tools show.
/// </summary>
/// <param name="Culture">The reader's language and formatting culture: the words and the dates.</param>
public sealed record PostShape(
    PostView Post,
    long ThreadId,
    string ThreadSlug,
    SanitizedHtml Html,
    ReactionTally Reactions,
    bool IsGuest,
    bool IsModerator,
    bool IsOwn,
    bool CanReply,
    bool CanEdit,
    bool CanViewRevisions,
    bool AuthorIgnored,
    bool Nested,
    bool IsNestedReply,
    string Culture)
{
    public static PostShape From(PostItem item) => new(
        item.Post, item.Thread.Id, item.Thread.Slug, item.Html, ReactionTally.From(item.Reactions),
        item.Viewer.IsGuest, item.Viewer.IsModerator, item.IsOwn,
        ForumAccess.CanReply(item.Thread, item.Viewer), ForumAccess.CanEdit(item.Post, item.Viewer), ForumAccess.CanViewRevisions(item.Post, item.Viewer),
        item.AuthorIgnored, item.Nested, item.IsNestedReply,
        CultureInfo.CurrentUICulture.Name + "|" + CultureInfo.CurrentCulture.Name);

    /// <summary>
    /// A hash of the fields that tell shapes apart in practice, leaving out the long texts (the body, its markup, the
    /// reactions): hashing them cost more than the rest of the lookup. Equality still compares every field, so two
    /// shapes that differ only in a text share a bucket and are told apart there.
    /// </summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Post.Id);
        hash.Add(Post.RevisionCount);
        hash.Add(Post.EditedAt);
        hash.Add(Post.HiddenAt);
        hash.Add(Post.DeletedAt);
        hash.Add(Post.AuthorName);
        hash.Add(Post.ReplyToThreadId);
        hash.Add(ThreadId);
        hash.Add(Html.Value.Length);
        hash.Add(Reactions.Encoded.Length);
        hash.Add((IsGuest, IsModerator, IsOwn, CanReply, CanEdit, CanViewRevisions, AuthorIgnored, Nested, IsNestedReply));
        hash.Add(Culture);
        return hash.ToHashCode();
    }

    public bool CanSeeHiddenText => IsOwn || IsModerator;

    /// <summary>The view the post's forms return to: the nested view, or null for the ordered one.</summary>
    public string? View => Nested ? ForumUrls.NestedView : null;

    public string Link => Nested
        ? ForumUrls.NestedPost(ThreadId, ThreadSlug, Post.Id, Post.Branch)
        : ForumUrls.Post(ThreadId, ThreadSlug, Post.Id, Post.Number);

    /// <summary>Where "in reply to" points: the same view of this thread, or the permalink when the post answered is now elsewhere.</summary>
    public string? ReplyToLink => Post switch
    {
        { ReplyToPostId: { } id, ReplyToThreadId: { } thread } when thread != ThreadId => ForumUrls.Permalink(id),
        { ReplyToPostId: { } id, ReplyToNumber: { } number, ReplyToBranch: { } branch } =>
            Nested ? ForumUrls.NestedPost(ThreadId, ThreadSlug, id, branch) : ForumUrls.Post(ThreadId, ThreadSlug, id, number),
        _ => null,
    };

    public bool RepliesToOtherThread => Post.ReplyToThreadId is { } thread && thread != ThreadId;
}
