using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed class SessionsModel(SessionStore sessions, SecurityEventLog securityLog, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public string? CurrentSessionId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CurrentSessionId = CurrentMember.SessionId(User);
        Sessions = await sessions.ListActiveAsync(CurrentMember.Id(User), ct);
    }

    public async Task<IActionResult> OnPostEndAsync(string sessionId, CancellationToken ct)
    {
        // EndAsync matches the member too, so nobody can end another member's session by id.
        await sessions.EndAsync(sessionId ?? "", CurrentMember.Id(User), ct);
        TempData["Status"] = localizer["That session has been signed out."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        var memberId = CurrentMember.Id(User);
        await sessions.EndAllAsync(memberId, ct, exceptSessionId: CurrentMember.SessionId(User));
        await securityLog.RecordAsync(memberId, SecurityEvents.SessionsRevoked, ct);
        TempData["Status"] = localizer["You have been signed out everywhere else."].Value;
        return RedirectToPage();
    }
}
