using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>Earlier versions of a post, for its author and moderators only.</summary>
public sealed class RevisionsModel(ForumAccess access, ThreadStore threads, MarkdownRenderer renderer) : PageModel
{
    public PostContext Context { get; private set; } = null!;

    public IReadOnlyList<(RevisionView Revision, SanitizedHtml Html)> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (await access.PostAsync(id, viewer, ct) is not { } found || !ForumAccess.CanViewRevisions(found.Post, viewer) || found.Post.IsDeleted)
        {
            return NotFound();
        }
        Context = found;
        Revisions = (await threads.RevisionsAsync(id, ct)).Select(r => (r, renderer.Render(r.Body))).ToList();
        return Page();
    }
}
