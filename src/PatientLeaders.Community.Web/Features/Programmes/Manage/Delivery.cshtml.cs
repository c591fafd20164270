using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Involvement.Work;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes.Manage;

/// <summary>
/// Paid delivery of a cohort: a coordinator records what each accredited facilitator is paid by the Centre. The
/// lines join the same ledger as involvement work, so each person's statement of earnings shows both.
/// </summary>
public sealed class DeliveryModel(ProgrammeStore programmes, WorkStore work, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        public long MemberId { get; set; }
        public DateOnly? WorkedOn { get; set; }
        public int Hours { get; set; }
        public int Minutes { get; set; }
        public string? Fee { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CohortView Cohort { get; private set; } = new();

    public IReadOnlyList<FacilitatorView> Facilitators { get; private set; } = [];

    public IReadOnlyList<ClaimView> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var minutes = Input.Hours * 60 + Input.Minutes;
        if (Facilitators.All(f => f.MemberId != Input.MemberId))
        {
            ModelState.AddModelError("Input.MemberId", localizer["Choose one of the cohort's facilitators"]);
        }
        if (Input.WorkedOn is null || Input.WorkedOn > MentoringDates.Today(clock))
        {
            ModelState.AddModelError("Input.WorkedOn", localizer["Enter the day of the work, today or earlier"]);
        }
        if (Input.Hours is < 0 or > 24 || Input.Minutes is < 0 or > 59 || minutes is <= 0 or > 24 * 60)
        {
            ModelState.AddModelError("Input.Hours", localizer["Enter the time spent, up to 24 hours in a day"]);
        }
        if (!Money.TryParsePounds(Input.Fee, 10000, out var pence) || pence == 0)
        {
            ModelState.AddModelError("Input.Fee", localizer["Enter the fee in pounds, like 150 or 150.00"]);
        }
        var description = (Input.Description ?? "").Trim();
        if (description.Length is 0 or > 500)
        {
            ModelState.AddModelError("Input.Description", localizer["Say in up to 500 characters what was delivered, for example: session 2, action learning"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await work.RecordDeliveryAsync(id, Input.MemberId, new HoursClaim(MentoringDates.ToStored(Input.WorkedOn!.Value), minutes, description), pence, CurrentMember.Id(User), ct);
        TempData["Status"] = localizer["Recorded. It appears on their statement of earnings."].Value;
        return LocalRedirect($"/programmes/manage/cohorts/{id}/delivery");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { } cohort)
        {
            return false;
        }
        Cohort = cohort;
        Facilitators = await programmes.FacilitatorsAsync(id, ct);
        Lines = await work.DeliveryClaimsAsync(id, ct);
        return true;
    }
}
