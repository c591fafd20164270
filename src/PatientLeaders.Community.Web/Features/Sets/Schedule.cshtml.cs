using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;
namespace PatientLeaders.Community.Web.Features.Sets;

public sealed class ScheduleModel(SetStore sets, MeetingStore meetings, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the date of the meeting")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter the start time")]
        public TimeOnly? Time { get; set; }

        [Range(30, 480, ErrorMessage = "The meeting must last between 30 and 480 minutes")]
        public int DurationMinutes { get; set; } = 180;

        [Required(ErrorMessage = "Choose the time zone")]
        [StringLength(64)]
        public string TimeZone { get; set; } = MeetingTimes.DefaultZone;

        [CallLink]
        public string? CallLink { get; set; }

        [StringLength(CallDetails.MaxDialInLength, ErrorMessage = "Keep the phone details to 200 characters or fewer")]
        [PlainText]
        public string? DialIn { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SetView Set { get; private set; } = new();

    /// <summary>The call details are for the set's members: a coordinator schedules without seeing or setting them.</summary>
    public bool MaySeeCall { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MaySeeCall)
        {
            ModelState.Remove("Input.CallLink");
            ModelState.Remove("Input.DialIn");
        }
        var zone = MeetingTimes.FindZone(Input.TimeZone);
        if (zone is null)
        {
            ModelState.AddModelError("Input.TimeZone", localizer["Choose a time zone from the list"]);
        }
        DateTimeOffset startsAt = default;
        if (ModelState.IsValid && zone is not null)
        {
            var local = Input.Date!.Value.ToDateTime(Input.Time!.Value, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local))
            {
                ModelState.AddModelError("Input.Time", localizer["That time does not exist on that day in that time zone (the clocks change). Choose another time"]);
            }
            else
            {
                startsAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
                if (startsAt <= clock.GetUtcNow())
                {
                    ModelState.AddModelError("Input.Date", localizer["The meeting must be in the future"]);
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await meetings.ScheduleAsync(id, startsAt, Input.DurationMinutes, zone!.Id, MaySeeCall ? new CallDetails((Input.CallLink ?? "").Trim(), (Input.DialIn ?? "").Trim()) : CallDetails.None, ct);
        TempData["Status"] = localizer["The meeting has been scheduled and the set has been sent an invitation."].Value;
        return LocalRedirect($"/sets/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var access = await sets.AccessAsync(id, User, ct);
        if (!access.CanManage || await sets.FindAsync(id, ct) is not { } set)
        {
            return false;
        }
        Set = set;
        MaySeeCall = access.CanSeeContent;
        return true;
    }
}
