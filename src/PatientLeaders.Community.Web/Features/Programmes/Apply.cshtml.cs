using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Applying for a place. Access needs are health data: kept for the coordinators and the cohort's facilitators only.</summary>
[EnableRateLimiting(ProgrammesServices.ApplyLimit)]
public sealed class ApplyModel(ProgrammeStore programmes, ApplicationStore applications, Profiles.ProfileStore profiles, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Say why you would like to come")]
        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string Why { get; set; } = "";

        [Required(ErrorMessage = "Say what you would like to change")]
        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string Change { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string? AccessNeeds { get; set; }

        public string TakingPartAs { get; set; } = ProgrammeVocabulary.PatientLeader;

        [StringLength(200, ErrorMessage = "The organisation's name must be 200 characters or fewer")]
        [Infrastructure.Forms.PlainText]
        public string? Organisation { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CohortView Cohort { get; private set; } = new();

    /// <summary>A partnership programme asks how each person takes part and where from, to form trios.</summary>
    public bool IsPartnership => Cohort.ProgrammeKind == ProgrammeVocabulary.Partnership;

    /// <summary>The partner's code, for a cohort whose places are kept for a partner's members.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>A partnership application starts from the member type on their profile.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } early)
        {
            return early;
        }
        if (await profiles.FindByIdAsync(CurrentMember.Id(User), ct) is { } profile)
        {
            Input.TakingPartAs = profile.MemberType;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } early)
        {
            return early;
        }
        if (IsPartnership)
        {
            if (!ProgrammeVocabulary.IsTakingPartAs(Input.TakingPartAs))
            {
                ModelState.AddModelError("Input.TakingPartAs", localizer["Choose how you will take part"]);
            }
            if (string.IsNullOrWhiteSpace(Input.Organisation))
            {
                ModelState.AddModelError("Input.Organisation", localizer["Enter the organisation you come from"]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var input = IsPartnership
            ? new ApplicationInput(Input.Why.Trim(), Input.Change.Trim(), (Input.AccessNeeds ?? "").Trim(), Input.TakingPartAs, Input.Organisation!.Trim())
            : new ApplicationInput(Input.Why.Trim(), Input.Change.Trim(), (Input.AccessNeeds ?? "").Trim());
        if (await applications.ApplyAsync(Cohort, CurrentMember.Id(User), input, ct))
        {
            TempData["Status"] = localizer["Thank you: your application has been sent. We have emailed you to say so, and you will hear from us before the programme starts."].Value;
        }
        return LocalRedirect("/programmes/applications");
    }

    /// <summary>Null when the form may be shown; otherwise where to go instead.</summary>
    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (await programmes.FindCohortAsync(id, ct) is not { IsPublished: true } cohort || cohort.HasStarted(clock.GetUtcNow()))
        {
            return NotFound();
        }
        if (!cohort.AdmitsWith(Code))
        {
            // Kept for a partner's members: the cohort's page says whose, and how they apply.
            return LocalRedirect($"/programmes/cohorts/{id}");
        }
        Cohort = cohort;
        if (await applications.FindOfAsync(id, CurrentMember.Id(User), ct) is not null)
        {
            return LocalRedirect("/programmes/applications");
        }
        return null;
    }
}
