using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed class ChangePasswordModel(UserManager<Member> users, SessionStore sessions, SecurityEventLog securityLog, MailOutbox outbox, AccountMail mail,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password")]
        [StringLength(PasswordPolicyValidator.MaximumLength, ErrorMessage = "Your password must be 256 characters or fewer")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(PasswordPolicyValidator.MaximumLength, MinimumLength = 8, ErrorMessage = "Your new password must be at least 8 characters")]
        public string NewPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var member = await CurrentMember.LoadAsync(users, User);
        var result = await users.ChangePasswordAsync(member, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? localizer["Your current password is not right"].Value : error.Description);
            }
            return Page();
        }
        await sessions.EndAllAsync(member.Id, ct, exceptSessionId: CurrentMember.SessionId(User));
        await securityLog.RecordAsync(member.Id, SecurityEvents.PasswordChanged, ct);
        await outbox.EnqueueAsync(mail.PasswordChanged(member), ct);
        TempData["Status"] = localizer["Your password has been changed, and you have been signed out on every other device."].Value;
        return Redirect("/account/settings");
    }
}
