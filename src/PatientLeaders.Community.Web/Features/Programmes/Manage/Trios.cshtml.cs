using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>Forming a partnership cohort's trios: one patient leader, one clinician and one manager from one organisation.</summary>
public sealed class TriosModel(ProgrammeStore programmes, ApplicationStore applications, TrioStore trios, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        public long? PatientLeader { get; set; }

        public long? Clinician { get; set; }

        public long? Manager { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CohortView Cohort { get; private set; } = new();

    public IReadOnlyList<ApplicationView> Participants { get; private set; } = [];

    public IReadOnlyList<TrioView> Trios { get; private set; } = [];

    public IEnumerable<ApplicationView> Unplaced(string takingPartAs) =>
        Participants.Where(p => p.TakingPartAs == takingPartAs && !Trios.Any(t => t.MemberIds.Contains(p.MemberId)));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var chosen = new List<ApplicationView>();
        foreach (var (field, kind, id2) in new[] { ("Input.PatientLeader", ProgrammeVocabulary.PatientLeader, Input.PatientLeader),
            ("Input.Clinician", ProgrammeVocabulary.Clinician, Input.Clinician), ("Input.Manager", ProgrammeVocabulary.Manager, Input.Manager) })
        {
            if (Unplaced(kind).FirstOrDefault(p => p.Id == id2) is { } person)
            {
                chosen.Add(person);
            }
            else
            {
                ModelState.AddModelError(field, localizer["Choose a {0} who is not in a trio yet", localizer[ProgrammeVocabulary.TakingPartAsLabel(kind)].Value.ToLower(System.Globalization.CultureInfo.CurrentCulture)]);
            }
        }
        if (ModelState.IsValid && chosen.Select(c => c.Organisation.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
        {
            ModelState.AddModelError("Input.PatientLeader", localizer["A trio comes from one organisation: these three do not"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var facilitators = await programmes.FacilitatorsAsync(id, ct);
        await trios.CreateAsync(Cohort, facilitators[0].MemberId, chosen[0].Organisation.Trim(), chosen, ct);
        TempData["Status"] = localizer["The trio has been formed, with its own room."].Value;
        return LocalRedirect($"/programmes/manage/cohorts/{id}/trios");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { ProgrammeKind: ProgrammeVocabulary.Partnership } cohort)
        {
            return false;
        }
        Cohort = cohort;
        Participants = (await applications.ForCohortAsync(id, ct)).Where(a => a.Status == ApplicationStatus.Accepted).ToList();
        Trios = await trios.ForCohortAsync(id, ct);
        return true;
    }
}
