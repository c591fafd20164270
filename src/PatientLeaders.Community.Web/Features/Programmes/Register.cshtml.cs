using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// The cohort's register, kept by its facilitators and programme coordinators. Sessions that have begun, or begin
/// within half an hour, can be marked; joining the set's room already counts as present for an action learning meeting.
/// </summary>
public sealed class RegisterModel(ProgrammeStore programmes, ParticipationStore participation, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Keyed "s{sessionId}m{memberId}"; an empty value means not recorded.</summary>
    [BindProperty]
    public Dictionary<string, string?> Marks { get; set; } = [];

    public CohortView Cohort { get; private set; } = new();

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public IReadOnlyList<RegisterRow> Rows { get; private set; } = [];

    public static string Key(long sessionId, long memberId) => $"s{sessionId}m{memberId}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var marks = new Dictionary<(long, long), string?>();
        foreach (var session in Sessions)
        {
            foreach (var row in Rows)
            {
                if (Marks.TryGetValue(Key(session.Id, row.Participant.MemberId), out var value))
                {
                    marks[(session.Id, row.Participant.MemberId)] = CompletionRules.IsStatus(value) ? value : null;
                }
            }
        }
        await participation.SaveRegisterAsync(Cohort, marks, ct);
        TempData["Status"] = localizer["The register has been saved. Anyone marked absent or excused has been offered the materials and a catch-up call."].Value;
        return LocalRedirect($"/programmes/cohorts/{id}/register");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { } cohort
            || !ProgrammesPolicy.IsCoordinator(User) && !await programmes.IsFacilitatorAsync(id, CurrentMember.Id(User), ct))
        {
            return false;
        }
        Cohort = cohort;
        var now = clock.GetUtcNow();
        Sessions = (await programmes.SessionsAsync(id, ct)).Where(s => s.StartsAt - CompletionRules.RegisterOpensBefore <= now).ToList();
        Rows = await participation.RegisterAsync(cohort, ct);
        return true;
    }
}
