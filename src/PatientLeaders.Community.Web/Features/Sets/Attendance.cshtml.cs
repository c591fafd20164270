using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>Attendance and counts: all a coordinator sees of a set.</summary>
public sealed class AttendanceModel(SetStore sets, MeetingStore meetings) : PageModel
{
    public SetView Set { get; private set; } = new();
    public int MemberCount { get; private set; }
    public IReadOnlyList<AttendanceCount> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct)
    {
        var access = await sets.AccessAsync(id, User, ct);
        if (!access.CanSeeAttendance || await sets.FindAsync(id, ct) is not { } set)
        {
            return NotFound();
        }
        Set = set;
        MemberCount = (await sets.MembersAsync(id, ct)).Count;
        Meetings = await meetings.AttendanceCountsAsync(id, ct);
        return Page();
    }
}
