using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Forum.Saved;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>The rendered preview fragment composer.js asks for: exactly what the post will look like, sanitized.</summary>
public sealed class PreviewModel(PostRenderer renderer, ThreadStore threads, ForumAccess access, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Input.Body")] string? body, [FromForm(Name = "Input.ContentNote")] string? contentNote,
        [FromForm(Name = "DraftKey")] string? draftKey, CancellationToken ct)
    {
        var viewer = ForumViewer.From(User);
        if (draftKey is not null && DraftKeys.TryParse(draftKey, out var threadId) && threadId is { } id && await access.ThreadAsync(id, viewer, ct) is null)
        {
            return NotFound();
        }
        var text = body ?? "";
        if (text.Length > PostLimits.BodyMax || (contentNote?.Length ?? 0) > PostLimits.ContentNoteMax)
        {
            // composer.js shows the form's own message for this (data-too-long) and keeps the text.
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var html = renderer.Render(text, await threads.MembersByHandleAsync(Mentions.Parse(text), ct));
        using var fragment = new StringWriter();
        new PostBodyModel(html, contentNote?.Trim() ?? "", localizer["Content note:"]).WriteTo(fragment, System.Text.Encodings.Web.HtmlEncoder.Default);
        return Content(fragment.ToString(), "text/html; charset=utf-8");
    }
}
