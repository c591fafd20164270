using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Forum.Saved;

/// <summary>
/// GET lists your drafts. POST saves one as you type (composer.js posts the composer's own form every few seconds),
/// so a draft survives a closed tab, a crash or a bad-health day, on any device.
/// </summary>
public sealed class DraftsModel(DraftStore drafts, ForumAccess access) : PageModel
{
    public sealed class InputModel
    {
        [StringLength(PostLimits.TitleMax, ErrorMessage = "The title must be 150 characters or fewer")]
        public string? Title { get; set; }

        [StringLength(PostLimits.BodyMax, ErrorMessage = "Your message must be 32,000 characters or fewer")]
        public string? Body { get; set; }

        [StringLength(PostLimits.ContentNoteMax, ErrorMessage = "The content note must be 100 characters or fewer")]
        public string? ContentNote { get; set; }

        [StringLength(200, ErrorMessage = "Tags must be 200 characters or fewer in all")]
        public string? Tags { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public string DraftKey { get; set => field = value ?? ""; } = "";

    public DraftView? NewThreadDraft { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        NewThreadDraft = await drafts.FindAsync(ForumViewer.From(User).RequireMemberId(), DraftKeys.NewThread, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (!DraftKeys.TryParse(DraftKey, out var threadId))
        {
            return BadRequest();
        }
        if (threadId is { } id && (await access.ThreadAsync(id, viewer, ct) is not { } found || !ForumAccess.CanReply(found.Thread, viewer)))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        await drafts.SaveAsync(viewer.RequireMemberId(), new DraftView
        {
            DraftKey = DraftKey,
            Title = threadId is null ? Input.Title ?? "" : "",
            Body = Input.Body ?? "",
            ContentNote = Input.ContentNote ?? "",
            Tags = threadId is null ? Input.Tags ?? "" : "",
        }, ct);
        return new NoContentResult();
    }
}
