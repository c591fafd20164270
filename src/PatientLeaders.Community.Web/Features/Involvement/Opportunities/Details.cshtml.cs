using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Involvement.Pool;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Profiles;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Opportunities;

/// <summary>
/// One opportunity, and applying for it. Pool members see it once approved; its organisation's contacts and the
/// coordinators always; an applicant always sees what they applied for. Anyone else gets a 404. The leader ticks,
/// for this application only, whether to share their lived experience and their access needs.
/// </summary>
[EnableRateLimiting(InvolvementServices.ApplyLimit)]
public sealed class DetailsModel(OpportunityStore opportunities, PoolStore pool, ProfileStore profiles, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Write a few sentences about why you would like to do this")]
        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string Statement { get; set; } = "";

        public bool ShareLivedExperience { get; set; }

        public bool ShareAccessNeeds { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OpportunityView Opportunity { get; private set; } = new();

    public PoolProfile? Profile { get; private set; }

    public OpportunityMatch? Match { get; private set; }

    public ApplicantView? Application { get; private set; }

    public bool Manages { get; private set; }

    /// <summary>What ticking "share my lived experience" would send: the leader's own profile text.</summary>
    public string LivedExperience { get; private set; } = "";

    public bool CanApply => Profile is not null && Application is null && !InvolvementAccess.IsContactOf(User, Opportunity.OrganisationId)
        && Opportunity.IsOpenOn(MentoringDates.ToStored(MentoringDates.Today(clock)));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanApply)
        {
            TempData["Status"] = localizer["This opportunity is not taking applications."].Value;
            return LocalRedirect($"/opportunities/{id}");
        }
        if (Input.ShareLivedExperience && LivedExperience.Length == 0)
        {
            ModelState.AddModelError("Input.ShareLivedExperience", localizer["Your profile has no lived experience to share. Add it to your profile first, or untick this."]);
        }
        if (Input.ShareAccessNeeds && Profile!.AccessNeeds.Length == 0)
        {
            ModelState.AddModelError("Input.ShareAccessNeeds", localizer["Your pool profile has no access needs to share. Add them first, or untick this."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await opportunities.ApplyAsync(Opportunity, Profile!, new ApplicationChoice(Input.Statement.Trim(), Input.ShareLivedExperience, Input.ShareAccessNeeds), ct))
        {
            TempData["Status"] = localizer["Thank you: your application has been sent. We have emailed you to say so, and you will hear the outcome."].Value;
        }
        return LocalRedirect("/involvement/applications");
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Manages)
        {
            return NotFound();
        }
        await opportunities.CloseAsync(id, ct);
        TempData["Status"] = localizer["Closed to new applications. Please tell everyone who applied the outcome."].Value;
        return LocalRedirect($"/opportunities/{id}/applicants");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await opportunities.FindAsync(id, ct) is not { } opportunity)
        {
            return false;
        }
        var memberId = CurrentMember.Id(User);
        Opportunity = opportunity;
        Manages = InvolvementAccess.Manages(User, opportunity.OrganisationId);
        Profile = await pool.FindAsync(memberId, ct);
        Application = await opportunities.FindApplicationAsync(id, memberId, ct);
        if (!Manages && Application is null && !(Profile is not null && opportunity.IsVisibleToPool))
        {
            return false;
        }
        if (Profile is not null)
        {
            Match = OpportunityMatcher.Score(Profile, opportunity);
            var lived = await profiles.LivedExperienceForViewerAsync(memberId, memberId, ct);
            LivedExperience = lived is null ? "" : string.Join("\n\n", new[] { lived.Conditions, lived.ServicesUsed }.Where(t => t.Length > 0));
        }
        return true;
    }
}
