using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>Authors edit their own posts; the previous text is kept as a revision.</summary>
[EnableRateLimiting(ForumServices.PostingLimit)]
public sealed class EditPostModel(ForumAccess access, PostWriter writer, PostRenderer renderer, ThreadStore threads,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel : PostTextInput
    {
        [StringLength(PostLimits.TitleMax, MinimumLength = PostLimits.TitleMin, ErrorMessage = "The title must be between 5 and 150 characters")]
        [PlainText]
        public string? Title { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PostContext Context { get; private set; } = null!;

    public bool IsOpeningPost => Context.Post.Number == 1;

    public SanitizedHtml? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Body = Context.Post.Body, ContentNote = Context.Post.ContentNote, Language = Context.Post.Language, Title = IsOpeningPost ? Context.Thread.Title : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (IsOpeningPost && string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", localizer["Enter a title"]);
        }
        if (string.IsNullOrWhiteSpace(Input.Body) && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Body", localizer["Write your message"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await writer.EditAsync(Context, ForumViewer.From(User).RequireMemberId(), Input.Title?.Trim(), Input.Body, Input.CleanContentNote, Input.ChosenLanguage, ct);
        TempData["Status"] = localizer["Your changes have been saved."].Value;
        return Redirect(ForumUrls.Post(Context.Thread.Id, PostWriter.ThreadSlug(IsOpeningPost ? Input.Title!.Trim() : Context.Thread.Title), Context.Post.Id, Context.Post.Number));
    }

    public async Task<IActionResult> OnPostPreviewAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        Preview = renderer.Render(Input.Body, await threads.MembersByHandleAsync(Mentions.Parse(Input.Body), ct));
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (await access.PostAsync(id, viewer, ct) is not { } found || !ForumAccess.CanEdit(found.Post, viewer))
        {
            return false;
        }
        Context = found;
        return true;
    }
}
