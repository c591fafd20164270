using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>Report a post to the moderators, including "I'm worried about this person", which shows where to find help.</summary>
[EnableRateLimiting(ForumServices.PostingLimit)]
public sealed class FlagModel(ForumAccess access, ModerationStore moderation, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        public string Reason { get; set => field = value ?? ""; } = "";

        [StringLength(PostLimits.ReasonMax, ErrorMessage = "Your note must be 500 characters or fewer")]
        public string? Note { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PostContext Context { get; private set; } = null!;

    public bool Sent { get; private set; }

    public bool Worried { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!FlagReasons.All.Contains(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", localizer["Choose why you are reporting this post"].Value);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await moderation.FlagAsync(Context, ForumViewer.From(User).RequireMemberId(), Input.Reason, Input.Note?.Trim() ?? "", ct);
        Sent = true;
        Worried = Input.Reason == FlagReasons.Worried;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (await access.PostAsync(id, viewer, ct) is not { } found || found.Post.IsDeleted || found.Post.AuthorId == viewer.MemberId)
        {
            return false;
        }
        Context = found;
        return true;
    }
}
