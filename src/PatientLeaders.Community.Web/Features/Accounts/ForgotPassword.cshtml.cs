using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountsServices.PasswordResetLimit)]
public sealed class ForgotPasswordModel(UserManager<Member> users, MailOutbox outbox, AccountMail mail) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.com")]
        [StringLength(320, ErrorMessage = "Your email address must be 320 characters or fewer")]
        public string Email { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var member = await users.FindByEmailAsync(Input.Email);
        if (member is { EmailConfirmed: true })
        {
            var token = await users.GeneratePasswordResetTokenAsync(member);
            await outbox.EnqueueAsync(mail.ResetPassword(member, token), ct);
        }
        // The same answer whether or not the address belongs to a member.
        Sent = true;
        return Page();
    }
}
