using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Involvement.Opportunities;

/// <summary>
/// A leader's own applications: where each is, confirming when chosen, withdrawing, taking back what they shared,
/// and the full record of what they shared, with whom and when.
/// </summary>
public sealed class MineModel(OpportunityStore opportunities, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ApplicantView> Applications { get; private set; } = [];

    public IReadOnlyList<SharingRecord> Sharing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        Applications = await opportunities.ApplicationsOfAsync(memberId, ct);
        Sharing = await opportunities.SharingOfAsync(memberId, ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(long applicationId, CancellationToken ct)
    {
        if (await opportunities.ConfirmAsync(applicationId, CurrentMember.Id(User), ct) is { } engagementId)
        {
            TempData["Status"] = localizer["Confirmed. Log your hours and expenses here as you go."].Value;
            return LocalRedirect($"/involvement/work/{engagementId}");
        }
        return await MissingAsync(applicationId, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long applicationId, CancellationToken ct)
    {
        if (await opportunities.WithdrawAsync(applicationId, CurrentMember.Id(User), ct))
        {
            TempData["Status"] = localizer["Your application is withdrawn, and anything you shared with it has been taken back."].Value;
            return LocalRedirect("/involvement/applications");
        }
        return await MissingAsync(applicationId, ct);
    }

    public async Task<IActionResult> OnPostUnshareAsync(long applicationId, string what, CancellationToken ct)
    {
        if (await opportunities.FindApplicationAsync(applicationId, ct) is not { } application || application.MemberId != CurrentMember.Id(User)
            || what is not (InvolvementVocabulary.LivedExperience or InvolvementVocabulary.AccessNeeds))
        {
            return NotFound();
        }
        await opportunities.UnshareAsync(application, what, ct);
        TempData["Status"] = localizer["Taken back: {0} can no longer see it.", application.OrganisationName].Value;
        return LocalRedirect("/involvement/applications");
    }

    /// <summary>Someone else's application and an unknown one look the same; one of the member's own that moved on says so.</summary>
    private async Task<IActionResult> MissingAsync(long applicationId, CancellationToken ct)
    {
        if (await opportunities.FindApplicationAsync(applicationId, ct) is not { } application || application.MemberId != CurrentMember.Id(User))
        {
            return NotFound();
        }
        TempData["Status"] = localizer["That application has already moved on, so nothing was changed."].Value;
        return LocalRedirect("/involvement/applications");
    }
}
