using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Profiles;

public sealed class EditModel(ProfileStore profiles, MemberStore members, SecurityEventLog securityLog, SignInManager<Member> signIn, UserManager<Member> users,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the name you want other members to see")]
        [StringLength(100, ErrorMessage = "Your name must be 100 characters or fewer")]
        [PlainText]
        public string DisplayName { get; set; } = "";

        [StringLength(40, ErrorMessage = "Pronouns must be 40 characters or fewer")]
        public string? Pronouns { get; set; }

        [StringLength(4000, ErrorMessage = "About you must be 4,000 characters or fewer")]
        [MarkdownText]
        public string? Bio { get; set; }

        [StringLength(100, ErrorMessage = "Region must be 100 characters or fewer")]
        public string? Region { get; set; }

        [StringLength(200, ErrorMessage = "Languages must be 200 characters or fewer")]
        public string? Languages { get; set; }

        [StringLength(500, ErrorMessage = "Interests must be 500 characters or fewer")]
        public string? Interests { get; set; }

        [StringLength(500, ErrorMessage = "Skills must be 500 characters or fewer")]
        public string? Skills { get; set; }

        public string MemberType { get; set; } = MemberTypes.PatientLeader;

        /// <summary>Off unless the member turns it on: nobody is in the directory by default.</summary>
        public bool ListedInDirectory { get; set; }

        public bool Consent { get; set; }

        [StringLength(2000, ErrorMessage = "Conditions must be 2,000 characters or fewer")]
        public string? Conditions { get; set; }

        public string ConditionsVisibility { get; set; } = Visibility.OnlyMe;

        [StringLength(2000, ErrorMessage = "Services used must be 2,000 characters or fewer")]
        public string? ServicesUsed { get; set; }

        public string ServicesUsedVisibility { get; set; } = Visibility.OnlyMe;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool HasConsent { get; private set; }

    public DateTimeOffset? PhotoUpdatedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        var profile = await profiles.FindByIdAsync(memberId, ct);
        if (profile is null)
        {
            return NotFound();
        }
        var lived = await profiles.LivedExperienceForViewerAsync(memberId, memberId, ct);
        HasConsent = await profiles.HasActiveConsentAsync(memberId, ct);
        PhotoUpdatedAt = profile.PhotoUpdatedAt;
        Input = new InputModel
        {
            DisplayName = profile.DisplayName, Pronouns = profile.Pronouns, Bio = profile.Bio, Region = profile.Region,
            Languages = profile.Languages, Interests = profile.Interests, Skills = profile.Skills, MemberType = profile.MemberType,
            ListedInDirectory = profile.ListedInDirectory,
            Consent = HasConsent,
            Conditions = lived?.Conditions, ConditionsVisibility = lived?.ConditionsVisibility ?? Visibility.OnlyMe,
            ServicesUsed = lived?.ServicesUsed, ServicesUsedVisibility = lived?.ServicesUsedVisibility ?? Visibility.OnlyMe,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        HasConsent = await profiles.HasActiveConsentAsync(memberId, ct);
        var hasHealthText = !string.IsNullOrWhiteSpace(Input.Conditions) || !string.IsNullOrWhiteSpace(Input.ServicesUsed);
        if (hasHealthText && !Input.Consent)
        {
            ModelState.AddModelError("Input.Consent", HasConsent
                ? localizer["To keep your lived experience, leave the consent box ticked. To delete it, untick the box and clear both boxes."]
                : localizer["To save your lived experience, tick the box to give your consent, or leave both boxes empty"]);
        }
        if (!Visibility.IsKnown(Input.ConditionsVisibility) || !Visibility.IsKnown(Input.ServicesUsedVisibility))
        {
            ModelState.AddModelError("", localizer["Choose who can see each part of your lived experience"]);
        }
        if (ModelState.IsValid && await members.ImitatesAnotherNameAsync(Input.DisplayName.Trim(), memberId, ct))
        {
            ModelState.AddModelError("Input.DisplayName", MemberNames.Imitates);
        }
        if (!MemberTypes.IsKnown(Input.MemberType))
        {
            ModelState.AddModelError("Input.MemberType", localizer["Choose how you take part in health and care"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await profiles.SaveProfileAsync(memberId, new ProfileEdit(Input.DisplayName.Trim(), Clean(Input.Pronouns), Clean(Input.Bio),
            Clean(Input.Region), Clean(Input.Languages), Clean(Input.Interests), Clean(Input.Skills), Input.MemberType, Input.ListedInDirectory), ct);

        if (Input.Consent)
        {
            await profiles.SaveLivedExperienceAsync(memberId, new LivedExperienceEdit(Clean(Input.Conditions), Input.ConditionsVisibility,
                Clean(Input.ServicesUsed), Input.ServicesUsedVisibility), consentNewlyGiven: !HasConsent, ct);
            if (!HasConsent)
            {
                await securityLog.RecordAsync(memberId, SecurityEvents.HealthConsentGiven, ct);
            }
        }
        else if (HasConsent)
        {
            await profiles.WithdrawConsentAsync(memberId, ct);
            await securityLog.RecordAsync(memberId, SecurityEvents.HealthConsentWithdrawn, ct);
        }

        // The header shows the display name from the sign-in cookie: refresh it.
        if (await users.GetUserAsync(User) is { } member)
        {
            await signIn.RefreshSignInAsync(member);
        }
        TempData["Status"] = localizer["Your profile has been saved."].Value;
        return Redirect("/members/" + User.FindFirst(MemberClaims.Handle)?.Value);
    }

    private static string Clean(string? value) => value?.Trim() ?? "";
}
