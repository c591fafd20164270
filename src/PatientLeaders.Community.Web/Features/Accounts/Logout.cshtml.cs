using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<Member> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Status"] = localizer["You have signed out."].Value;
        return Redirect("/");
    }
}
