using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>A member's own applications: where each stands, taking an offered place, and withdrawing.</summary>
public sealed class ApplicationsModel(ProgrammeStore programmes, ApplicationStore applications, CertificateStore certificates, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public IReadOnlyList<MyApplication> Mine { get; private set; } = [];

    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await applications.MineAsync(CurrentMember.Id(User), ct);
        Certificates = await certificates.MineAsync(CurrentMember.Id(User), ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(long applicationId, CancellationToken ct)
    {
        if (await OwnCohortAsync(applicationId, ct) is not { } cohort)
        {
            return NotFound();
        }
        TempData["Status"] = await applications.AcceptAsync(cohort, applicationId, CurrentMember.Id(User), ct)
            ? localizer["Your place is confirmed. We have emailed you the joining instructions, with every session for your calendar."].Value
            : localizer["That offer is no longer open."].Value;
        return LocalRedirect("/programmes/applications");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long applicationId, CancellationToken ct)
    {
        if (await OwnCohortAsync(applicationId, ct) is not { } cohort)
        {
            return NotFound();
        }
        TempData["Status"] = await applications.WithdrawAsync(cohort, applicationId, CurrentMember.Id(User), ct)
            ? localizer["Your application has been withdrawn. Thank you for letting us know."].Value
            : localizer["That application can no longer be withdrawn."].Value;
        return LocalRedirect("/programmes/applications");
    }

    private async Task<CohortView?> OwnCohortAsync(long applicationId, CancellationToken ct) =>
        await applications.FindAsync(applicationId, ct) is { } application && application.MemberId == CurrentMember.Id(User)
            ? await programmes.FindCohortAsync(application.CohortId, ct)
            : null;
}
