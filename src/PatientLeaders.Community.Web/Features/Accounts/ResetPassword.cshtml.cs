using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountsServices.PasswordResetLimit)]
public sealed class ResetPasswordModel(UserManager<Member> users, SessionStore sessions, SecurityEventLog securityLog,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(PasswordPolicyValidator.MaximumLength, MinimumLength = 8, ErrorMessage = "Your password must be at least 8 characters")]
        public string Password { get; set; } = "";

        public bool SignOutEverywhere { get; set; } = true;
    }

    [BindProperty(SupportsGet = true, Name = "member")]
    public string? MemberId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkFailed { get; private set; }

    public void OnGet() => LinkFailed = string.IsNullOrEmpty(MemberId) || string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = string.IsNullOrEmpty(MemberId) || string.IsNullOrEmpty(Code) ? null : await users.FindByIdAsync(MemberId);
        if (member is null)
        {
            LinkFailed = true;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(member, Code!, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                LinkFailed = true;
                return Page();
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
            return Page();
        }
        await users.ResetAccessFailedCountAsync(member);
        await users.SetLockoutEndDateAsync(member, null);
        if (Input.SignOutEverywhere)
        {
            await sessions.EndAllAsync(member.Id, ct);
        }
        await securityLog.RecordAsync(member.Id, SecurityEvents.PasswordReset, ct);
        TempData["Status"] = localizer["Your password has been changed. You can now sign in with it."].Value;
        return Redirect("/account/login");
    }
}
