using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// A new member's first stop: three short steps (profile, email settings, where to find help), each skippable, then
/// on to the home page or wherever they were heading when they joined.
/// </summary>
public sealed class WelcomeModel : PageModel
{
    public const string Path = "/welcome";

    public string Next { get; private set; } = "/";

    public void OnGet(string? returnUrl) => Next = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
