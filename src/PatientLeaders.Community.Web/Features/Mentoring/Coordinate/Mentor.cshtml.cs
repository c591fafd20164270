using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring.Coordinate;

/// <summary>A coordinator records a mentor's accreditations; only a current coach or mentor accreditation puts them in suggestions.</summary>
[Authorize(Policy = MentoringServices.CoordinatorPolicy)]
public sealed class MentorModel(MentoringStore store, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        public string? Kind { get; set; }

        public DateOnly? GainedOn { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        public long AccreditationId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PersonRow Mentor { get; private set; } = new();

    public IReadOnlyList<Accreditation> Accreditations { get; private set; } = [];

    public DateOnly Today => MentoringDates.Today(clock);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MentoringVocabulary.AccreditationKinds.IsKnown(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", localizer["Choose the kind of accreditation"]);
        }
        if (Input.GainedOn is not { } gained || gained > Today)
        {
            ModelState.AddModelError("Input.GainedOn", localizer["Enter the date it was gained, today or earlier"]);
        }
        if (Input.ExpiresOn is not { } expires || (Input.GainedOn is { } from && expires <= from))
        {
            ModelState.AddModelError("Input.ExpiresOn", localizer["Enter the expiry date, after the date it was gained"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await store.AddAccreditationAsync(id, Input.Kind!, Input.GainedOn!.Value, Input.ExpiresOn!.Value, ct);
        TempData["Status"] = (Input.Kind switch
        {
            "Coach" => localizer["Coach accreditation recorded for {0}.", Mentor.DisplayName],
            "Facilitator" => localizer["Facilitator accreditation recorded for {0}.", Mentor.DisplayName],
            _ => localizer["Mentor accreditation recorded for {0}.", Mentor.DisplayName],
        }).Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRenewAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Input.ExpiresOn is not { } expires || expires <= Today)
        {
            ModelState.AddModelError("Input.ExpiresOn", localizer["Enter the new expiry date, after today"]);
            return Page();
        }
        if (!await store.RenewAccreditationAsync(Input.AccreditationId, id, expires, ct))
        {
            return NotFound();
        }
        TempData["Status"] = localizer["Accreditation renewed until {0}.", MentoringDay.Show(MentoringDates.ToStored(expires))].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !await store.DeleteAccreditationAsync(Input.AccreditationId, id, ct))
        {
            return NotFound();
        }
        TempData["Status"] = localizer["Accreditation removed."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await store.MentorAsync(id, ct) is not { } mentor)
        {
            return false;
        }
        Mentor = mentor;
        Accreditations = await store.AccreditationsAsync(id, ct);
        return true;
    }
}
