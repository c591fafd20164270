using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Languages;

/// <summary>
/// The language switch in every page's footer posts here (it works without JavaScript), and so does the choice in
/// Settings. The choice is kept in a cookie; a signed-in member's is also saved to their account, where it counts
/// before the cookie on every device.
/// </summary>
[AllowAnonymous]
public sealed class ChooseModel(UserManager<Member> users, SignInManager<Member> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? culture)
    {
        if (SiteCultures.Match(culture) is not { } chosen)
        {
            ModelState.AddModelError("culture", localizer["Choose a language"]);
            return Page();
        }
        LocalizationServices.RememberChoice(Response, chosen);
        if (User.Identity?.IsAuthenticated == true)
        {
            var member = await CurrentMember.LoadAsync(users, User);
            member.Language = chosen;
            await users.UpdateAsync(member);
            await signIn.RefreshSignInAsync(member);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
