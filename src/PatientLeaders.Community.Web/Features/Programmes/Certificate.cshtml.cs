using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// A certificate and its check. Its holder sees it always and chooses whether it is public; when it is, anyone with
/// the link can see that it is real (or that it was revoked, and why). A private certificate is not found by others.
/// </summary>
[AllowAnonymous]
public sealed class CertificateModel(CertificateStore certificates, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CertificateView Certificate { get; private set; } = new();

    public bool IsHolder { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, bool makePublic, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct) || !IsHolder)
        {
            return NotFound();
        }
        await certificates.SetPublicAsync(Certificate.Code, Certificate.MemberId, makePublic, ct);
        TempData["Status"] = makePublic
            ? localizer["Your certificate is public: anyone with its link can check it."].Value
            : localizer["Your certificate is private: only you can see it."].Value;
        return LocalRedirect("/certificates/" + Certificate.Code);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (CertificateCodes.Normalise(code) is not { } normalised || await certificates.FindAsync(normalised, ct) is not { } certificate)
        {
            return false;
        }
        Certificate = certificate;
        IsHolder = User.Identity?.IsAuthenticated == true && CurrentMember.Id(User) == certificate.MemberId;
        return IsHolder || certificate.IsPublic;
    }
}
