using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Moderation;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>
/// One reported message with its context, for moderators. Opening it is written to the moderation log (who read which
/// member's message, and when); so is resolving it. Nothing else of the conversation is ever shown.
/// </summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class ReportDetailModel(MessageStore messages, ModerationStore moderation, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Say what you did about it")]
    [StringLength(MessageLimits.NoteMax, ErrorMessage = "Your note must be 500 characters or fewer")]
    public string? Resolution { get; set; }

    public MessageReport Report { get; private set; } = new();

    public IReadOnlyList<DirectMessage> Context { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long reportId, CancellationToken ct)
    {
        if (!await LoadAsync(reportId, ct))
        {
            return NotFound();
        }
        await RecordReadingAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long reportId, CancellationToken ct)
    {
        if (!await LoadAsync(reportId, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            // The page shows the messages again: that is a reading too.
            await RecordReadingAsync(ct);
            return Page();
        }
        if (await messages.ResolveAsync(reportId, Resolution!.Trim(), ct))
        {
            await moderation.RecordMemberActionAsync(CurrentMember.Id(User), ModerationActionKinds.ResolveMessageReport, Report.SenderId ?? 0, Resolution.Trim(), ct);
        }
        TempData["Status"] = localizer["The report is resolved."].Value;
        return Redirect("/messages/reports");
    }

    private Task RecordReadingAsync(CancellationToken ct) =>
        moderation.RecordMemberActionAsync(CurrentMember.Id(User), ModerationActionKinds.ReadReportedMessage, Report.SenderId ?? 0, $"Report {Report.Id}", ct);

    /// <summary>An open report, never to a moderator who wrote the message or is in its conversation: another moderator deals with it.</summary>
    private async Task<bool> LoadAsync(long reportId, CancellationToken ct)
    {
        var me = CurrentMember.Id(User);
        if (await messages.OpenReportAsync(reportId, ct) is not { } report || report.SenderId == me
            || await messages.FindAsync(report.ConversationId, me, ct) is not null)
        {
            return false;
        }
        Report = report;
        Context = await messages.ContextAsync(report, ct);
        return true;
    }
}
