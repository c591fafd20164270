using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Confirmation happens on a button press, not on opening the link: mail scanners open links, people press buttons.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<Member> users, SessionStore sessions, SecurityEventLog securityLog,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "member")]
    public string? MemberId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    /// <summary>Where the new member was going before registering; they sign in and land there.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public IActionResult OnGet()
    {
        Failed = string.IsNullOrEmpty(MemberId) || string.IsNullOrEmpty(Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = string.IsNullOrEmpty(MemberId) || string.IsNullOrEmpty(Code) ? null : await users.FindByIdAsync(MemberId);
        if (member is null)
        {
            Failed = true;
            return Page();
        }
        var changingAddress = !string.IsNullOrEmpty(Email) && !string.Equals(Email, member.Email, StringComparison.OrdinalIgnoreCase);
        var result = changingAddress
            ? await users.ChangeEmailAsync(member, Email!, Code!)
            : await users.ConfirmEmailAsync(member, Code!);
        if (!result.Succeeded)
        {
            Failed = true;
            return Page();
        }
        if (changingAddress)
        {
            await securityLog.RecordAsync(member.Id, SecurityEvents.EmailChanged, ct);
            await sessions.EndAllAsync(member.Id, ct);
            TempData["Status"] = localizer["Your new email address is confirmed. Please sign in with it."].Value;
        }
        else
        {
            TempData["Status"] = localizer["Thank you: your email address is confirmed. You can now sign in."].Value;
        }
        // A new member's first sign-in opens the short welcome, then goes on to where they were heading.
        var next = changingAddress ? null
            : WelcomeModel.Path + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : "");
        return Redirect(next is null ? "/account/login" : "/account/login?ReturnUrl=" + Uri.EscapeDataString(next));
    }
}
