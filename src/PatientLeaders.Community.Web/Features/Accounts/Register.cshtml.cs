using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountsServices.RegistrationLimit)]
public sealed class RegisterModel(InvitationStore invitations, RegistrationService registration, IOptions<AccountOptions> options,
    UserManager<Member> users, SignInManager<Member> signIn, MailOutbox outbox, AccountMail mail,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Invite { get; set; }

    [BindProperty]
    public NewMemberInput Input { get; set; } = new();

    public bool CanRegister { get; private set; }

    public bool EmailFromInvitation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var invitation = await LoadInvitationAsync(ct);
        if (invitation is not null)
        {
            Input.Email = invitation.Email;
            Input.DisplayName = invitation.Name;
        }
        return Page();
    }

    /// <summary>Where a visitor was going (a programme's application form, say): kept through the confirmation email to sign-in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var invitation = await LoadInvitationAsync(ct);
        if (!CanRegister)
        {
            return Page();
        }
        if (invitation is not null)
        {
            // The invitation decides the address; a tampered form field changes nothing.
            Input.Email = invitation.Email;
            ModelState.Remove("Input.Email");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var roles = invitation is null || invitation.Role == Roles.Member ? new[] { Roles.Member } : [Roles.Member, invitation.Role];
        // The invitation link came to that address, so following it proves the address: no second email.
        var result = await registration.RegisterAsync(Input.ToNewMember(), roles, invitation?.Id, emailAlreadyConfirmed: invitation is not null, ct,
            Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null);
        if (result.Succeeded && invitation is not null)
        {
            await signIn.SignInAsync(result.Member!, isPersistent: false);
            return Redirect(WelcomeModel.Path + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
        }
        if (result.Succeeded)
        {
            return RedirectToPage("CheckEmail");
        }
        foreach (var (field, message) in result.Errors)
        {
            if (message == "EmailOrHandleInUse")
            {
                if (invitation is null)
                {
                    // Open registration must not reveal who is a member: answer as if it worked, and tell the owner.
                    if (await users.FindByEmailAsync(Input.Email) is { } owner)
                    {
                        await outbox.EnqueueAsync(mail.AlreadyRegistered(owner), ct);
                    }
                    return RedirectToPage("CheckEmail");
                }
                ModelState.AddModelError("", localizer["An account already uses this email address. Sign in, or reset your password if you have forgotten it."]);
                continue;
            }
            // The service's messages are resource keys; the password rules' are already in the reader's language.
            ModelState.AddModelError(field.Length > 0 ? $"Input.{field}" : "", localizer[message].Value);
        }
        return Page();
    }

    private async Task<InvitationView?> LoadInvitationAsync(CancellationToken ct)
    {
        var invitation = await invitations.FindUsableAsync(Invite, ct);
        EmailFromInvitation = invitation is not null;
        CanRegister = invitation is not null || options.Value.IsOpenRegistration;
        return invitation;
    }
}
