using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>Re-authenticates, mails a link to the new address, and tells the old one; nothing changes until the link is used.</summary>
public sealed class ChangeEmailModel(UserManager<Member> users, MailOutbox outbox, AccountMail mail, DbConnectionFactory db,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your new email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.com")]
        [StringLength(320, ErrorMessage = "Your email address must be 320 characters or fewer")]
        public string NewEmail { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(PasswordPolicyValidator.MaximumLength, ErrorMessage = "Your password must be 256 characters or fewer")]
        public string CurrentPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    public async Task OnGetAsync() => CurrentEmail = (await CurrentMember.LoadAsync(users, User)).Email;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = await CurrentMember.LoadAsync(users, User);
        CurrentEmail = member.Email;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await users.CheckPasswordAsync(member, Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", localizer["Your password is not right"]);
            return Page();
        }
        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, member.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", localizer["That is already your email address"]);
            return Page();
        }
        // If the address belongs to someone else, the confirmation fails later; saying so here would reveal who is a member.
        var token = await users.GenerateChangeEmailTokenAsync(member, newEmail);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await outbox.EnqueueAsync(connection, tx, mail.ConfirmEmail(member, newEmail, token), ct);
        await outbox.EnqueueAsync(connection, tx, mail.EmailChangeRequested(member, newEmail), ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = localizer["We have sent a link to {0}. Your email address changes when you open it.", newEmail].Value;
        return Redirect("/account/settings");
    }
}
