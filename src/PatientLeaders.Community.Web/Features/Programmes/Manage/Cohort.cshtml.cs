using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>A cohort's applications: coordinators offer places, keep a waiting list in order, or say no kindly.</summary>
public sealed class CohortModel(ProgrammeStore programmes, ApplicationStore applications, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class DecisionInput
    {
        public long ApplicationId { get; set; }

        [StringLength(2000, ErrorMessage = "Please keep the message to 2,000 characters or fewer")]
        public string? Message { get; set; }
    }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public CohortView Cohort { get; private set; } = new();

    public IReadOnlyList<ApplicationView> Applications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostOfferAsync(long id, CancellationToken ct) => DecideAsync(id, async (cohort, applicationId) =>
        await applications.OfferAsync(cohort, applicationId, ct) ? localizer["The place has been offered, and the applicant has been emailed."]
            : localizer["No place could be offered: the cohort is full, or the application has moved on. Put the applicant on the waiting list instead."], ct);

    public Task<IActionResult> OnPostWaitAsync(long id, CancellationToken ct) => DecideAsync(id, async (cohort, applicationId) =>
        await applications.WaitlistAsync(cohort, applicationId, ct) ? localizer["The applicant is on the waiting list and has been told."]
            : localizer["That application has moved on."], ct);

    public Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct) => DecideAsync(id, async (cohort, applicationId) =>
        await applications.DeclineAsync(cohort, applicationId, (Input.Message ?? "").Trim(), ct) ? localizer["The applicant has been told, with your message."]
            : localizer["That application has moved on."], ct);

    private async Task<IActionResult> DecideAsync(long id, Func<CohortView, long, Task<LocalizedString>> decide, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Applications.All(a => a.Id != Input.ApplicationId))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        TempData["Status"] = (await decide(Cohort, Input.ApplicationId)).Value;
        return LocalRedirect($"/programmes/manage/cohorts/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { } cohort)
        {
            return false;
        }
        Cohort = cohort;
        Applications = await applications.ForCohortAsync(id, ct);
        return true;
    }

    /// <summary>The waiting list in the order places are handed on.</summary>
    public IEnumerable<ApplicationView> WaitingList => Applications.Where(a => a.Status == ApplicationStatus.Waiting).OrderBy(a => a.WaitingSince).ThenBy(a => a.Id);
}
