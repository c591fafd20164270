using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>
/// Changing the dates of a cohort's sessions that have not begun. Everyone taking part, and the facilitators, get
/// the new dates with a calendar update that replaces the old entries; the set's meetings move with them.
/// </summary>
public sealed class SessionsModel(ProgrammeStore programmes, ApplicationStore applications, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class SessionInput
    {
        public long Id { get; set; }

        public DateOnly? Date { get; set; }

        public TimeOnly? Time { get; set; }

        /// <summary>Not posted for a session that has begun, which cannot move.</summary>
        [System.ComponentModel.DataAnnotations.Range(15, 480, ErrorMessage = "A session must last between 15 and 480 minutes")]
        public int? DurationMinutes { get; set; }
    }

    [BindProperty]
    public List<SessionInput> Input { get; set; } = [];

    public CohortView Cohort { get; private set; } = new();

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var zone = MeetingTimes.FindZone(Cohort.TimeZone) ?? TimeZoneInfo.Utc;
        Input = Sessions.Select(s =>
        {
            var local = TimeZoneInfo.ConvertTime(s.StartsAt, zone);
            return new SessionInput { Id = s.Id, Date = DateOnly.FromDateTime(local.DateTime), Time = TimeOnly.FromDateTime(local.DateTime), DurationMinutes = s.DurationMinutes };
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var zone = MeetingTimes.FindZone(Cohort.TimeZone) ?? TimeZoneInfo.Utc;
        var moves = new List<(SessionView, DateTimeOffset, int)>();
        for (var i = 0; i < Input.Count; i++)
        {
            var row = Input[i];
            if (Sessions.FirstOrDefault(s => s.Id == row.Id) is not { } session || session.StartsAt <= Now)
            {
                continue;
            }
            if (row.Date is null || row.Time is null || row.DurationMinutes is null)
            {
                ModelState.AddModelError($"Input[{i}].Date", localizer["Session {0} needs both a date and a start time", session.Position]);
                continue;
            }
            var local = row.Date.Value.ToDateTime(row.Time.Value, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local))
            {
                ModelState.AddModelError($"Input[{i}].Time", localizer["That time does not exist on that day in that time zone (the clocks change). Choose another time"]);
                continue;
            }
            var startsAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            if (startsAt <= Now)
            {
                ModelState.AddModelError($"Input[{i}].Date", localizer["Session {0} must be in the future", session.Position]);
                continue;
            }
            if (startsAt != session.StartsAt || row.DurationMinutes != session.DurationMinutes)
            {
                moves.Add((session, startsAt, row.DurationMinutes.Value));
            }
        }
        if (!ModelState.IsValid)
        {
            Input = Input.Where(row => Sessions.Any(s => s.Id == row.Id)).ToList();
            return Page();
        }
        if (moves.Count == 0)
        {
            TempData["Status"] = localizer["Nothing has changed."].Value;
            return LocalRedirect($"/programmes/cohorts/{id}");
        }
        await programmes.MoveSessionsAsync(Cohort, moves, ct);
        await applications.AnnounceNewDatesAsync(id, ct);
        TempData["Status"] = localizer["The new dates are saved. Everyone taking part, and the facilitators, have been sent them with a calendar update."].Value;
        return LocalRedirect($"/programmes/cohorts/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { } cohort)
        {
            return false;
        }
        Cohort = cohort;
        Sessions = await programmes.SessionsAsync(id, ct);
        return true;
    }
}
