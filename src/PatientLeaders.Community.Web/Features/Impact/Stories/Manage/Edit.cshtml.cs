using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Impact.Stories.Manage;

/// <summary>
/// A coordinator edits a story with its leader: every edit goes back to the leader to approve (and comes off the
/// public page until they do), and only an approved story can be published.
/// </summary>
public sealed class EditModel(StoryStore stories, MailOutbox outbox, InvolvementMail mail, Data.DbConnectionFactory db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the story a title")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
        [PlainText]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "The story cannot be empty")]
        [StringLength(8000, ErrorMessage = "Please keep the story to 8,000 characters or fewer")]
        public string Body { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Please keep the note to 2,000 characters or fewer")]
        public string? Note { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public StoryView Story { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new InputModel { Title = Story.Title, Body = Story.Body, Note = Story.EditorNote };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await stories.EditAsync(id, Input.Title.Trim(), Input.Body.Trim(), (Input.Note ?? "").Trim(), ct);
        await using (var connection = await db.OpenAsync(ct))
        {
            var leader = await Dapper.SqlMapper.QuerySingleAsync<ProgrammePerson>(connection,
                "SELECT Id, Email, DisplayName, Handle, Language FROM Members WHERE Id = @Id", new { Id = Story.MemberId });
            await outbox.EnqueueAsync(mail.StoryEdited(leader, Input.Title.Trim(), id), ct);
        }
        TempData["Status"] = localizer["Saved and sent to {0} to approve.", Story.LeaderName].Value;
        return LocalRedirect($"/stories/manage/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        TempData["Status"] = await stories.PublishAsync(id, ct)
            ? localizer["Published on the public stories page."].Value
            : localizer["Only a story its leader has approved can be published."].Value;
        return LocalRedirect($"/stories/manage/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await stories.FindAsync(id, ct) is not { Status: not StoryStatus.Withdrawn } story)
        {
            return false;
        }
        Story = story;
        return true;
    }
}
