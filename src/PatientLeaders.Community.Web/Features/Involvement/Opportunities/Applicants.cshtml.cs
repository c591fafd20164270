using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Involvement.Pool;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Opportunities;

/// <summary>
/// An opportunity's applicants, for its organisation's contacts and the coordinators only: each statement, pool
/// profile and payment choice, and what the leader chose to share with this application. Shortlist, select (the
/// leader then confirms) or say "not this time", kindly, with optional feedback.
/// </summary>
public sealed class ApplicantsModel(OpportunityStore opportunities, PoolStore pool, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Applicant(ApplicantView Application, PoolProfile? Profile, PoolCredentials Credentials);

    public sealed class InputModel
    {
        [StringLength(2000, ErrorMessage = "Please keep this to 2,000 characters or fewer")]
        public string? Feedback { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OpportunityView Opportunity { get; private set; } = new();

    public IReadOnlyList<Applicant> Applicants { get; private set; } = [];

    public long? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostShortlistAsync(long id, long applicationId, CancellationToken ct) => DecideAsync(id, applicationId, ApplicantStatus.Shortlisted, ct);

    public Task<IActionResult> OnPostSelectAsync(long id, long applicationId, CancellationToken ct) => DecideAsync(id, applicationId, ApplicantStatus.Selected, ct);

    public Task<IActionResult> OnPostNotChosenAsync(long id, long applicationId, CancellationToken ct) => DecideAsync(id, applicationId, ApplicantStatus.NotChosen, ct);

    private async Task<IActionResult> DecideAsync(long id, long applicationId, string status, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Applicants.FirstOrDefault(a => a.Application.Id == applicationId) is not { } applicant)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            FailedId = applicationId;
            return Page();
        }
        var decided = await opportunities.DecideAsync(applicant.Application, Opportunity, status, status == ApplicantStatus.NotChosen ? (Input.Feedback ?? "").Trim() : "", ct);
        TempData["Status"] = !decided ? localizer["That application had already moved on, so nothing was changed."].Value : status switch
        {
            ApplicantStatus.Shortlisted => localizer["{0} is on the shortlist.", applicant.Application.DisplayName].Value,
            ApplicantStatus.Selected => localizer["{0} is selected and has been asked to confirm.", applicant.Application.DisplayName].Value,
            _ => localizer["{0} has been told, kindly, that they were not chosen this time.", applicant.Application.DisplayName].Value,
        };
        return LocalRedirect($"/opportunities/{id}/applicants");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await opportunities.FindAsync(id, ct) is not { } opportunity || !InvolvementAccess.Manages(User, opportunity.OrganisationId))
        {
            return false;
        }
        Opportunity = opportunity;
        var list = new List<Applicant>();
        foreach (var application in await opportunities.ApplicantsAsync(id, ct))
        {
            list.Add(new Applicant(application, await pool.FindAsync(application.MemberId, ct), await pool.CredentialsAsync(application.MemberId, ct)));
        }
        Applicants = list;
        return true;
    }
}
