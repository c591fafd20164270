using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// The "stay signed in" answer to the idle warning. Reaching it at all renews the session: the cookie check
/// touches the session row whenever it is more than a minute old, and the warning comes minutes before expiry.
/// </summary>
public sealed class KeepAliveModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IActionResult OnGet() => Page();

    public IActionResult OnPost()
    {
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return new JsonResult(new { signedIn = true });
        }
        TempData["Status"] = localizer["You are still signed in."].Value;
        return Redirect("/");
    }
}
