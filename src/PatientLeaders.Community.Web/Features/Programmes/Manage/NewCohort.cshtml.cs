using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>
/// A new cohort of a programme, or a copy of an earlier one: the copy keeps the details and the sessions' pattern,
/// moved forward by whole weeks so that its first session is at least four weeks away.
/// </summary>
public sealed class NewCohortModel(ProgrammeStore programmes, SetStore sets, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>How many session rows the form offers.</summary>
    public const int SessionRows = 8;

    public sealed class SessionInput
    {
        public string Kind { get; set; } = "Workshop";

        [StringLength(200, ErrorMessage = "A session title must be 200 characters or fewer")]
        [PlainText]
        public string? Title { get; set; }

        public DateOnly? Date { get; set; }

        public TimeOnly? Time { get; set; }

        [Range(15, 480, ErrorMessage = "A session must last between 15 and 480 minutes")]
        public int DurationMinutes { get; set; } = 180;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a name for the cohort")]
        [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
        [PlainText]
        public string Title { get; set; } = "";

        public string Mode { get; set; } = "Online";

        [StringLength(500, ErrorMessage = "The venue must be 500 characters or fewer")]
        [PlainText]
        public string? Venue { get; set; }

        [Range(1, 100, ErrorMessage = "The number of places must be between 1 and 100")]
        public int Places { get; set; } = 8;

        [StringLength(200, ErrorMessage = "The partner's name must be 200 characters or fewer")]
        [PlainText]
        public string? PartnerName { get; set; }

        [Required(ErrorMessage = "Enter the handle of at least one facilitator")]
        [StringLength(2000, ErrorMessage = "The list of facilitators must be 2,000 characters or fewer")]
        public string FacilitatorHandles { get; set; } = "";

        [Required(ErrorMessage = "Choose the time zone")]
        [StringLength(64)]
        public string TimeZone { get; set; } = MeetingTimes.DefaultZone;

        public bool RunAbroad { get; set; }

        public bool ReservedForPartner { get; set; }

        public List<SessionInput> Sessions { get; set; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProgrammeView Programme { get; private set; } = new();

    public CohortView? CopiedFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, long? copy, CancellationToken ct)
    {
        if (await programmes.FindProgrammeAsync(slug, ct) is not { } programme)
        {
            return NotFound();
        }
        Programme = programme;
        if (copy is { } copyId)
        {
            if (await programmes.FindCohortAsync(copyId, ct) is not { } earlier || earlier.ProgrammeId != programme.Id)
            {
                return NotFound();
            }
            CopiedFrom = earlier;
            await CopyAsync(earlier, ct);
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await programmes.FindProgrammeAsync(slug, ct) is not { } programme)
        {
            return NotFound();
        }
        Programme = programme;
        var zone = MeetingTimes.FindZone(Input.TimeZone);
        if (zone is null)
        {
            ModelState.AddModelError("Input.TimeZone", localizer["Choose a time zone from the list"]);
        }
        if (!ProgrammeVocabulary.IsMode(Input.Mode))
        {
            ModelState.AddModelError("Input.Mode", localizer["Choose how the cohort meets"]);
        }
        else if (Input.Mode != "Online" && string.IsNullOrWhiteSpace(Input.Venue))
        {
            ModelState.AddModelError("Input.Venue", localizer["Enter the venue for sessions in person"]);
        }
        if (Input.ReservedForPartner && string.IsNullOrWhiteSpace(Input.PartnerName))
        {
            ModelState.AddModelError("Input.PartnerName", localizer["Enter the partner organisation whose members the places are for"]);
        }
        var facilitatorIds = await FacilitatorsAsync(ct);
        var sessions = zone is null ? [] : Sessions(zone);
        if (zone is not null && sessions.Count == 0 && !ModelState.Keys.Any(k => k.StartsWith("Input.Sessions", StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0))
        {
            ModelState.AddModelError("Input.Sessions[0].Date", localizer["Add at least one session with its date and time"]);
        }
        if (ModelState.IsValid && sessions.Count < programme.MinSessions)
        {
            ModelState.AddModelError("Input.Sessions[0].Date", localizer.Plural(programme.MinSessions,
                "Completing this programme takes {0} sessions attended, so the cohort needs at least that many sessions"));
        }
        if (!ModelState.IsValid)
        {
            Pad();
            return Page();
        }
        var cohort = new NewCohort(programme.Id, Input.Title.Trim(), Input.Mode, (Input.Venue ?? "").Trim(), Input.Places, (Input.PartnerName ?? "").Trim(),
            zone!.Id, facilitatorIds, sessions, Input.RunAbroad, Input.ReservedForPartner);
        var id = await programmes.CreateCohortAsync(cohort, $"{programme.Title}: {cohort.Title}", CreateModel.DefaultGroundRules, ct);
        TempData["Status"] = localizer["The cohort {0} has been created, with its own action learning set.", cohort.Title].Value;
        return LocalRedirect($"/programmes/cohorts/{id}");
    }

    /// <summary>The facilitators' ids; each must exist and hold a facilitator accreditation that has not expired.</summary>
    private async Task<IReadOnlyList<long>> FacilitatorsAsync(CancellationToken ct)
    {
        var handles = SetForms.SplitHandles(Input.FacilitatorHandles);
        if (handles.Count == 0)
        {
            ModelState.AddModelError("Input.FacilitatorHandles", localizer["Enter the handle of at least one facilitator"]);
            return [];
        }
        var found = await sets.FindHandlesAsync(handles, ct);
        var unknown = handles.Where(h => !found.ContainsKey(h.ToUpperInvariant())).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("Input.FacilitatorHandles", localizer["There is no member with the handle {0}", string.Join(", ", unknown.Select(h => "@" + h))]);
            return [];
        }
        var ids = handles.Select(h => found[h.ToUpperInvariant()]).ToList();
        var accredited = await programmes.AccreditedFacilitatorsAsync(ids, ct);
        var lacking = handles.Where(h => !accredited.Contains(found[h.ToUpperInvariant()])).ToList();
        if (lacking.Count > 0)
        {
            ModelState.AddModelError("Input.FacilitatorHandles",
                localizer["{0} does not hold a current facilitator accreditation. Coordinators record accreditations on the mentoring pages.", string.Join(", ", lacking.Select(h => "@" + h))]);
        }
        else if (ids.Count > 0 && !SetsPolicy.MayFacilitate(await sets.RolesOfAsync(ids[0], ct)))
        {
            ModelState.AddModelError("Input.FacilitatorHandles", localizer["@{0} leads the cohort's action learning set, so needs the facilitator role", handles[0]]);
        }
        return ids;
    }

    /// <summary>The filled-in rows as sessions in UTC; rows without a date are ignored.</summary>
    private List<NewSession> Sessions(TimeZoneInfo zone)
    {
        var list = new List<NewSession>();
        var now = clock.GetUtcNow();
        for (var i = 0; i < Input.Sessions.Count && i < SessionRows; i++)
        {
            var row = Input.Sessions[i];
            if (row.Date is null && row.Time is null)
            {
                continue;
            }
            var key = $"Input.Sessions[{i}]";
            if (!ProgrammeVocabulary.IsSessionKind(row.Kind))
            {
                ModelState.AddModelError(key + ".Kind", localizer["Choose the kind of session"]);
                continue;
            }
            if (row.Date is null || row.Time is null)
            {
                ModelState.AddModelError(key + (row.Date is null ? ".Date" : ".Time"), localizer["Session {0} needs both a date and a start time", i + 1]);
                continue;
            }
            var local = row.Date.Value.ToDateTime(row.Time.Value, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local))
            {
                ModelState.AddModelError(key + ".Time", localizer["That time does not exist on that day in that time zone (the clocks change). Choose another time"]);
                continue;
            }
            var startsAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            if (startsAt <= now)
            {
                ModelState.AddModelError(key + ".Date", localizer["Session {0} must be in the future", i + 1]);
                continue;
            }
            list.Add(new NewSession(row.Kind, (row.Title ?? "").Trim(), startsAt, row.DurationMinutes));
        }
        return list;
    }

    private async Task CopyAsync(CohortView earlier, CancellationToken ct)
    {
        var facilitators = await programmes.FacilitatorsAsync(earlier.Id, ct);
        var sessions = await programmes.SessionsAsync(earlier.Id, ct);
        var zone = MeetingTimes.FindZone(earlier.TimeZone) ?? TimeZoneInfo.Utc;
        var weeks = 0;
        if (sessions.Count > 0)
        {
            var earliest = clock.GetUtcNow().AddDays(28);
            while (sessions[0].StartsAt.AddDays(7 * weeks) < earliest)
            {
                weeks++;
            }
        }
        Input = new InputModel
        {
            Title = localizer["{0} (copy)", earlier.Title], Mode = earlier.Mode, Venue = earlier.Venue, Places = earlier.Places, PartnerName = earlier.PartnerName,
            FacilitatorHandles = string.Join(", ", facilitators.Select(f => f.Handle)), TimeZone = earlier.TimeZone, RunAbroad = earlier.RunAbroad,
            ReservedForPartner = earlier.ReservedForPartner,
            Sessions = sessions.Select(s =>
            {
                var local = TimeZoneInfo.ConvertTime(s.StartsAt, zone).AddDays(7 * weeks);
                return new SessionInput
                {
                    Kind = s.Kind, Title = s.Title, Date = DateOnly.FromDateTime(local.DateTime), Time = TimeOnly.FromDateTime(local.DateTime), DurationMinutes = s.DurationMinutes,
                };
            }).ToList(),
        };
    }

    private void Pad()
    {
        Input.Sessions = Input.Sessions.Take(SessionRows).ToList();
        while (Input.Sessions.Count < SessionRows)
        {
            Input.Sessions.Add(new SessionInput());
        }
    }
}
