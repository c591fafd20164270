using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Setup;

[AllowAnonymous]
[EnableRateLimiting(AccountsServices.RegistrationLimit)]
public sealed class IndexModel(SetupToken setupToken, MemberStore members, RegistrationService registration, SignInManager<Member> signIn,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewMemberInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await IsOpenAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await IsOpenAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!setupToken.TryConsume(Token))
        {
            return NotFound();
        }
        // The operator started the site and read the link from its console, so the address needs no confirming.
        var result = await registration.RegisterAsync(Input.ToNewMember(), [Roles.Member, Roles.Admin], invitationId: null, emailAlreadyConfirmed: true, ct);
        if (!result.Succeeded)
        {
            setupToken.Restore(Token!);
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length > 0 ? $"Input.{field}" : "", message == "EmailOrHandleInUse" ? localizer["That email address or handle is already in use."].Value : localizer[message].Value);
            }
            return Page();
        }
        await signIn.SignInAsync(result.Member!, isPersistent: false);
        TempData["Status"] = localizer["Your administrator account is ready. Next, set up two-factor sign-in to protect it."].Value;
        return Redirect("/account/two-factor");
    }

    private async Task<bool> IsOpenAsync(CancellationToken ct) =>
        setupToken.Matches(Token) && await members.CountAsync(ct) == 0;
}
