using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Sets;

public sealed class SummaryModel(SetStore sets, MeetingStore meetings) : PageModel
{
    public MeetingSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long meetingId, CancellationToken ct)
    {
        var access = await sets.AccessAsync(id, User, ct);
        if (!access.CanSeeContent || await MeetingSummary.LoadAsync(sets, meetings, id, meetingId, ct) is not { } summary)
        {
            return NotFound();
        }
        Summary = summary;
        return Page();
    }
}
