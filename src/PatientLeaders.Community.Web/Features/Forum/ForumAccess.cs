using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// The one place that decides who may see which part of the forum. Guests see public categories only; members see
/// categories with no role restriction and those restricted to a role they hold; moderators and admins see all.
/// Anything not visible is reported as missing (null), so pages answer 404 exactly as for an unknown id.
/// </summary>
public sealed class ForumAccess(CategoryStore categories, ThreadStore threads)
{
    public static bool CanSee(ForumCategory category, ForumViewer viewer)
    {
        if (viewer.IsModerator)
        {
            return true;
        }
        var required = category.RoleList;
        if (viewer.IsGuest)
        {
            return category.IsPublic && required.Count == 0;
        }
        return required.Count == 0 || required.Any(viewer.Roles.Contains);
    }

    /// <summary>The same rule for a member who is not the current user, from their stored roles (notification recipients).</summary>
    public static bool CanSee(ForumCategory category, IReadOnlyCollection<string> memberRoles) =>
        CanSee(category, new ForumViewer(0, memberRoles.ToHashSet(StringComparer.Ordinal)));

    /// <summary>Members may write where they can read, except in locked threads, which only moderators may reply to.</summary>
    public static bool CanReply(ThreadView thread, ForumViewer viewer) =>
        !viewer.IsGuest && (!thread.IsLocked || viewer.IsModerator);

    public static bool CanEdit(PostView post, ForumViewer viewer) =>
        !viewer.IsGuest && !post.IsDeleted && post.AuthorId == viewer.MemberId && !post.IsHidden;

    public static bool CanViewRevisions(PostView post, ForumViewer viewer) =>
        !viewer.IsGuest && (viewer.IsModerator || post.AuthorId == viewer.MemberId);

    public async Task<IReadOnlyList<ForumCategory>> VisibleCategoriesAsync(ForumViewer viewer, CancellationToken ct) =>
        (await categories.AllAsync(ct)).Where(c => CanSee(c, viewer)).ToList();

    public async Task<ForumCategory?> CategoryAsync(string slug, ForumViewer viewer, CancellationToken ct) =>
        (await categories.AllAsync(ct)).FirstOrDefault(c => c.Slug == slug && CanSee(c, viewer));

    public async Task<ForumCategory?> CategoryAsync(long id, ForumViewer viewer, CancellationToken ct) =>
        (await categories.AllAsync(ct)).FirstOrDefault(c => c.Id == id && CanSee(c, viewer));

    public async Task<(ForumCategory Category, ThreadView Thread)?> ThreadAsync(long threadId, ForumViewer viewer, CancellationToken ct)
    {
        if (await threads.FindAsync(threadId, ct) is not { } thread || await CategoryAsync(thread.CategoryId, viewer, ct) is not { } category)
        {
            return null;
        }
        return (category, thread);
    }

    /// <summary>A post the viewer may see: its category is visible, and a hidden post only to its author and moderators.</summary>
    public async Task<PostContext?> PostAsync(long postId, ForumViewer viewer, CancellationToken ct)
    {
        if (await threads.FindPostAsync(postId, ct) is not { } post || await ThreadAsync(post.ThreadId, viewer, ct) is not { } found)
        {
            return null;
        }
        return new PostContext(found.Category, found.Thread, post);
    }

    public static IReadOnlyList<string> RolesFor(string requiredRoles) =>
        requiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(Roles.IsKnown).ToList();
}
