using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>The meeting summary as a Markdown file, for the set only, in the reader's language.</summary>
public sealed class SummaryMarkdownModel(SetStore sets, MeetingStore meetings, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long meetingId, CancellationToken ct)
    {
        var access = await sets.AccessAsync(id, User, ct);
        if (!access.CanSeeContent || await MeetingSummary.LoadAsync(sets, meetings, id, meetingId, ct) is not { } summary)
        {
            return NotFound();
        }
        var name = $"set-{id}-meeting-{summary.Meeting.StartsAt.UtcDateTime:yyyy-MM-dd}.md";
        return File(Encoding.UTF8.GetBytes(summary.ToMarkdown(localizer)), "text/markdown; charset=utf-8", name);
    }
}
