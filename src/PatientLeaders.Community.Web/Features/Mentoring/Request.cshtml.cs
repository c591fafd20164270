using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Mentoring;

[EnableRateLimiting(MentoringServices.RequestLimit)]
public sealed class RequestModel(MentoringStore store, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Tell us briefly what you would like help with")]
        [StringLength(2000, ErrorMessage = "What you would like help with must be 2,000 characters or fewer")]
        public string Goals { get; set; } = "";

        public List<string> FocusAreas { get; set; } = [];

        public string Format { get; set; } = MentoringVocabulary.Telephone;

        public bool FormatRequired { get; set; }

        [StringLength(60, ErrorMessage = "The language must be 60 characters or fewer")]
        public string? Language { get; set; } = "English";

        public bool LanguageRequired { get; set; }

        public string? Region { get; set; }

        public string? Pace { get; set; }

        public List<string> Themes { get; set; } = [];

        public List<string> PrivateThemes { get; set; } = [];

        public bool ThemesConsent { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long? OpenRequestId { get; private set; }

    public bool Prefilled { get; private set; }

    /// <summary>The mentor chosen from the mentor directory ("ask this mentor"): first on the list once the request is made.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Mentor { get; set; }

    public string? MentorName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        MentorName = Mentor is { } chosen && await store.MentorAsync(chosen, ct) is { } mentor ? mentor.DisplayName : null;
        var requests = await store.RequestsOfMenteeAsync(CurrentMember.Id(User), ct);
        OpenRequestId = requests.FirstOrDefault(r => RequestStatus.IsOpen(r.Status))?.Id;
        // WCAG 3.3.7: never ask twice for what we already know.
        if (requests.FirstOrDefault() is { } last)
        {
            Prefilled = true;
            Input = new InputModel
            {
                Goals = last.Goals, FocusAreas = [.. Vocabulary.Split(last.FocusAreas)], Format = last.Format, FormatRequired = last.FormatRequired,
                Language = last.Language, LanguageRequired = last.LanguageRequired, Region = last.Region, Pace = last.Pace,
                Themes = [.. Vocabulary.Split(last.Themes)], PrivateThemes = [.. Vocabulary.Split(last.PrivateThemes)],
                ThemesConsent = last.Themes.Length + last.PrivateThemes.Length > 0,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        var requests = await store.RequestsOfMenteeAsync(memberId, ct);
        if (requests.FirstOrDefault(r => RequestStatus.IsOpen(r.Status)) is { } open)
        {
            TempData["Status"] = localizer["You already have a request in progress. Here it is."].Value;
            return Redirect(DetailUrl(open.Id));
        }
        var focus = MentoringVocabulary.FocusAreas.Clean(Input.FocusAreas);
        var themes = MentoringVocabulary.Themes.Clean(Input.Themes);
        var privateThemes = MentoringVocabulary.Themes.Clean(Input.PrivateThemes).Except(themes).ToList();
        var region = Input.Region ?? "";
        var pace = Input.Pace ?? "";
        if (focus.Count == 0)
        {
            ModelState.AddModelError("Input.FocusAreas", localizer["Choose at least one area that matters to you"].Value);
        }
        if (!MentoringVocabulary.Formats.IsKnown(Input.Format))
        {
            ModelState.AddModelError("Input.Format", localizer["Choose how you would like to meet"].Value);
        }
        if ((region.Length > 0 && !MentoringVocabulary.Regions.IsKnown(region)) || (pace.Length > 0 && !MentoringVocabulary.Paces.IsKnown(pace)))
        {
            ModelState.AddModelError("Input.Region", localizer["Choose from the lists given"].Value);
        }
        if (themes.Count + privateThemes.Count > 0 && !Input.ThemesConsent)
        {
            ModelState.AddModelError("Input.ThemesConsent", localizer["To use lived-experience themes, tick the box to agree, or untick the themes"].Value);
        }
        var language = MentoringVocabulary.SplitLanguages(Input.Language).FirstOrDefault() ?? "";
        if (Input.LanguageRequired && language.Length == 0)
        {
            ModelState.AddModelError("Input.Language", localizer["Enter the language your mentor must speak, or untick the box below it"].Value);
        }
        if (!ModelState.IsValid)
        {
            MentorName = Mentor is { } chosen && await store.MentorAsync(chosen, ct) is { } mentor ? mentor.DisplayName : null;
            return Page();
        }
        var id = await store.CreateRequestAsync(memberId, new RequestEdit(Input.Goals.Trim(), focus, themes, privateThemes, Input.ThemesConsent,
            language, Input.LanguageRequired, Input.Format, Input.FormatRequired, region, pace), ct);
        return Redirect(DetailUrl(id));
    }

    private string DetailUrl(long requestId) =>
        $"/mentoring/requests/{requestId}" + (Mentor is { } chosen ? $"?mentor={chosen}" : "");
}
