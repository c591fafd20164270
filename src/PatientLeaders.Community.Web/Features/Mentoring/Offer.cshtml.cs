using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring;

[Authorize(Policy = MentoringServices.MentorPolicy)]
public sealed class OfferModel(MentoringStore store, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [StringLength(2000, ErrorMessage = "What you offer must be 2,000 characters or fewer")]
        public string? Summary { get; set; }

        public List<string> FocusAreas { get; set; } = [];

        public List<string> Formats { get; set; } = [MentoringVocabulary.Telephone];

        [Required(ErrorMessage = "Enter at least one language you can mentor in")]
        [StringLength(200, ErrorMessage = "Languages must be 200 characters or fewer")]
        public string Languages { get; set; } = "English";

        public string? Region { get; set; }

        public List<string> Paces { get; set; } = [];

        [StringLength(500, ErrorMessage = "When you are free must be 500 characters or fewer")]
        public string? Availability { get; set; }

        [Range(1, 10, ErrorMessage = "Enter a number of mentees from 1 to 10")]
        public int Capacity { get; set; } = 1;

        public List<string> Themes { get; set; } = [];

        public bool ThemesConsent { get; set; }

        public bool IsPaused { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MentorOffer? Offer { get; private set; }

    public bool IsAccredited { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Offer is { } offer)
        {
            Input = new InputModel
            {
                Summary = offer.Summary, FocusAreas = [.. Vocabulary.Split(offer.FocusAreas)], Formats = [.. Vocabulary.Split(offer.Formats)],
                Languages = offer.Languages, Region = offer.Region, Paces = [.. Vocabulary.Split(offer.Paces)], Availability = offer.Availability,
                Capacity = offer.Capacity, Themes = [.. Vocabulary.Split(offer.Themes)], ThemesConsent = offer.ThemesConsentAt is not null, IsPaused = offer.IsPaused,
            };
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var focus = MentoringVocabulary.FocusAreas.Clean(Input.FocusAreas);
        var formats = MentoringVocabulary.Formats.Clean(Input.Formats);
        var themes = MentoringVocabulary.Themes.Clean(Input.Themes);
        var region = Input.Region ?? "";
        if (focus.Count == 0)
        {
            ModelState.AddModelError("Input.FocusAreas", localizer["Choose at least one thing you can help with"].Value);
        }
        if (formats.Count == 0)
        {
            ModelState.AddModelError("Input.Formats", localizer["Choose at least one way you can meet"].Value);
        }
        if (region.Length > 0 && !MentoringVocabulary.Regions.IsKnown(region))
        {
            ModelState.AddModelError("Input.Region", localizer["Choose a region from the list"].Value);
        }
        if (themes.Count > 0 && !Input.ThemesConsent)
        {
            ModelState.AddModelError("Input.ThemesConsent", localizer["To show lived-experience themes, tick the box to agree, or untick the themes"].Value);
        }
        if (Offer is { } offer && Input.Capacity < offer.ActiveCount)
        {
            ModelState.AddModelError("Input.Capacity", localizer.Plural(offer.ActiveCount, "You are mentoring {0} people now, so enter {0} or more"));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await store.SaveOfferAsync(CurrentMember.Id(User), new OfferEdit(Input.Summary?.Trim() ?? "", focus, themes, Input.ThemesConsent,
            string.Join(", ", MentoringVocabulary.SplitLanguages(Input.Languages)), region, formats, MentoringVocabulary.Paces.Clean(Input.Paces),
            Input.Availability?.Trim() ?? "", Input.Capacity, Input.IsPaused), ct);
        TempData["Status"] = Input.IsPaused ? localizer["Your offer is saved. You are not taking mentees now."].Value : localizer["Your offer is saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPauseAsync(CancellationToken ct) => await SetPausedAsync(true, ct);

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken ct) => await SetPausedAsync(false, ct);

    private async Task<IActionResult> SetPausedAsync(bool paused, CancellationToken ct)
    {
        if (!await store.SetPausedAsync(CurrentMember.Id(User), paused, ct))
        {
            return NotFound();
        }
        TempData["Status"] = paused
            ? localizer["You are not taking mentees now. Any requests waiting for you have been passed on."].Value
            : localizer["You are taking mentees again."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        Offer = await store.OfferAsync(memberId, ct);
        var today = MentoringDates.ToStored(MentoringDates.Today(clock));
        IsAccredited = (await store.AccreditationsAsync(memberId, ct))
            .Any(a => MentoringVocabulary.MentoringAccreditations.Contains(a.Kind) && a.ExpiresOn >= today);
    }
}
