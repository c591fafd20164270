using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountsServices.SignInLimit)]
public sealed class LoginModel(UserManager<Member> users, SignInManager<Member> signIn, SecurityEventLog securityLog, IOptions<AccountOptions> options,
    TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    // Verifying against a real hash when the email is unknown makes both answers take the same time.
    private static readonly Lazy<string> UnknownMemberHash = new(() => new PasswordHasher<Member>(
        Options.Create(new PasswordHasherOptions { IterationCount = 600_000 })).HashPassword(new Member(), Guid.NewGuid().ToString()));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.com")]
        [StringLength(320, ErrorMessage = "Your email address must be 320 characters or fewer")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(PasswordPolicyValidator.MaximumLength, ErrorMessage = "Your password must be 256 characters or fewer")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var member = await users.FindByEmailAsync(Input.Email);
        if (member is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new Member(), UnknownMemberHash.Value, Input.Password);
            return WrongDetails();
        }
        var result = await signIn.PasswordSignInAsync(member, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginTwoFactor", new { returnUrl = SafeReturnUrl(), rememberMe = Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            await securityLog.RecordAsync(member.Id, SecurityEvents.LockedOut, ct);
            ModelState.AddModelError("", localizer.Plural(options.Value.LockoutMinutes, "There have been too many attempts to sign in to this account. For your security, try again in {0} minutes, or reset your password."));
            return Page();
        }
        if (result.IsNotAllowed && member.IsSuspendedAt(clock.GetUtcNow()) && !await users.IsLockedOutAsync(member))
        {
            // Identity refuses a suspended member before it checks the password, so check it here: only someone who
            // knows the password learns that the account is suspended, until when, and the moderators' message.
            if (!await users.CheckPasswordAsync(member, Input.Password))
            {
                await users.AccessFailedAsync(member);
                await securityLog.RecordAsync(member.Id, SecurityEvents.SignInFailed, ct);
                return WrongDetails();
            }
            ModelState.AddModelError("", Suspensions.SignInMessage(member, localizer));
            return Page();
        }
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", localizer["You cannot sign in yet. If you have just joined, open the link in the email we sent to confirm your address. If your account has been suspended, the email we sent you explains why."]);
            return Page();
        }
        await securityLog.RecordAsync(member.Id, SecurityEvents.SignInFailed, ct);
        return WrongDetails();
    }

    private PageResult WrongDetails()
    {
        ModelState.AddModelError("Input.Password", localizer["The email address or password is not right. Check them and try again."]);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
