using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>Report a message someone sent you. Only then may a moderator read it, with a little context.</summary>
[EnableRateLimiting(ForumServices.PostingLimit)]
public sealed class ReportModel(MessageStore messages, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [StringLength(MessageLimits.NoteMax, ErrorMessage = "Your note must be 500 characters or fewer")]
    public string? Note { get; set; }

    public DirectMessage Message { get; private set; } = new();

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(long messageId, CancellationToken ct) => await LoadAsync(messageId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long messageId, CancellationToken ct)
    {
        if (!await LoadAsync(messageId, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await messages.ReportAsync(Message, CurrentMember.Id(User), Note?.Trim() ?? "", ct);
        TempData["Status"] = localizer["Thank you. The moderators have been told and will look at this message."].Value;
        return Redirect($"/messages/{Message.ConversationId}");
    }

    /// <summary>Only someone in the conversation may report, and never their own message.</summary>
    private async Task<bool> LoadAsync(long messageId, CancellationToken ct)
    {
        var me = CurrentMember.Id(User);
        if (await messages.MessageAsync(messageId, ct) is not { } message || message.SenderId == me || message.SenderId is null
            || await messages.FindAsync(message.ConversationId, me, ct) is null)
        {
            return false;
        }
        Message = message;
        return true;
    }
}
