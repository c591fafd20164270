using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Pool;

/// <summary>
/// Joining the pool of patient leaders, keeping the pool profile, and leaving. Opt-in. Lived-experience themes
/// and access needs are health data: themes help matching (and are named only where the leader allows), access
/// needs reach an organisation only on an application where the leader ticks to share them.
/// </summary>
public sealed class JoinModel(PoolStore pool, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        public List<string> Kinds { get; set; } = [];

        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string? Skills { get; set; }

        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string? RolesHeld { get; set; }

        public string? Region { get; set; }

        public bool Remote { get; set; }

        public bool Telephone { get; set; }

        [StringLength(1000, ErrorMessage = "Please keep this to 1,000 characters or fewer")]
        public string? Availability { get; set; }

        public List<string> Themes { get; set; } = [];

        public List<string> PrivateThemes { get; set; } = [];

        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string? AccessNeeds { get; set; }

        public string Payment { get; set; } = InvolvementVocabulary.Paid;

        public bool HealthDataConsent { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PoolProfile? Existing { get; private set; }

    public PoolCredentials Credentials { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Existing is { } profile)
        {
            Input = new InputModel
            {
                Kinds = [.. profile.KindList], Skills = profile.Skills, RolesHeld = profile.RolesHeld, Region = profile.Region, Remote = profile.Remote,
                Telephone = profile.Telephone, Availability = profile.Availability, Themes = [.. profile.ThemeList], PrivateThemes = [.. profile.PrivateThemeList],
                AccessNeeds = profile.AccessNeeds, Payment = profile.Payment, HealthDataConsent = profile.ThemeList.Count + profile.PrivateThemeList.Count > 0 || profile.AccessNeeds.Length > 0,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var kinds = InvolvementVocabulary.Kinds.Clean(Input.Kinds);
        var themes = MentoringVocabulary.Themes.Clean(Input.Themes);
        var privateThemes = MentoringVocabulary.Themes.Clean(Input.PrivateThemes).Except(themes).ToList();
        var needs = (Input.AccessNeeds ?? "").Trim();
        if (kinds.Count == 0)
        {
            ModelState.AddModelError("Input.Kinds", localizer["Choose at least one kind of involvement"]);
        }
        if (!InvolvementVocabulary.PaymentChoices.IsKnown(Input.Payment))
        {
            ModelState.AddModelError("Input.Payment", localizer["Choose how you would like to be paid"]);
        }
        if (!string.IsNullOrEmpty(Input.Region) && !MentoringVocabulary.Regions.IsKnown(Input.Region))
        {
            ModelState.AddModelError("Input.Region", localizer["Choose a region from the list"]);
        }
        if ((themes.Count + privateThemes.Count > 0 || needs.Length > 0) && !Input.HealthDataConsent)
        {
            ModelState.AddModelError("Input.HealthDataConsent", localizer["Tick to agree how your lived experience and access needs are used, or leave those parts empty"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var joining = await pool.FindAsync(CurrentMember.Id(User), ct) is null;
        await pool.SaveAsync(new PoolProfile
        {
            MemberId = CurrentMember.Id(User), Kinds = Vocabulary.Join(kinds), Skills = (Input.Skills ?? "").Trim(), RolesHeld = (Input.RolesHeld ?? "").Trim(),
            Region = Input.Region ?? "", Remote = Input.Remote, Telephone = Input.Telephone, Availability = (Input.Availability ?? "").Trim(),
            Themes = Vocabulary.Join(themes), PrivateThemes = Vocabulary.Join(privateThemes), AccessNeeds = needs, Payment = Input.Payment,
        }, ct);
        TempData["Status"] = joining ? localizer["Welcome to the pool. Opportunities that suit you are listed here."].Value : localizer["Your pool profile is saved."].Value;
        return LocalRedirect(joining ? "/opportunities" : "/pool");
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        await pool.LeaveAsync(CurrentMember.Id(User), ct);
        TempData["Status"] = localizer["You have left the pool, and your pool profile and access needs are deleted. Work you have done stays on your record."].Value;
        return LocalRedirect("/pool");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Existing = await pool.FindAsync(CurrentMember.Id(User), ct);
        Credentials = await pool.CredentialsAsync(CurrentMember.Id(User), ct);
    }
}
