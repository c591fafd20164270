using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed class TwoFactorModel(UserManager<Member> users, SecurityEventLog securityLog, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(12, ErrorMessage = "The code is 6 digits")]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Enabled { get; private set; }

    public bool MayTurnOff { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync(await CurrentMember.LoadAsync(users, User));

    public async Task<IActionResult> OnPostTurnOnAsync(CancellationToken ct)
    {
        var member = await CurrentMember.LoadAsync(users, User);
        if (member.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (ModelState.IsValid)
        {
            var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
            if (await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(member, true);
                RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(member, 10) ?? []).ToList();
                await securityLog.RecordAsync(member.Id, SecurityEvents.TwoFactorEnabled, ct);
                TempData["Status"] = localizer["Two-factor sign-in is now on."].Value;
                await LoadAsync(member);
                return Page();
            }
            ModelState.AddModelError("Input.Code", localizer["That code is not right. Check the time on your device is correct and enter the code your app shows now."]);
        }
        await LoadAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostNewCodesAsync()
    {
        var member = await CurrentMember.LoadAsync(users, User);
        if (!member.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(member, 10) ?? []).ToList();
        await LoadAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken ct)
    {
        var member = await CurrentMember.LoadAsync(users, User);
        if (await MustKeepTwoFactorAsync(member))
        {
            return RedirectToPage();
        }
        await users.SetTwoFactorEnabledAsync(member, false);
        await users.ResetAuthenticatorKeyAsync(member);
        await securityLog.RecordAsync(member.Id, SecurityEvents.TwoFactorDisabled, ct);
        TempData["Status"] = localizer["Two-factor sign-in is now off."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(Member member)
    {
        Enabled = member.TwoFactorEnabled;
        MayTurnOff = !await MustKeepTwoFactorAsync(member);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(member) : 0;
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(member);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(member);
                key = await users.GetAuthenticatorKeyAsync(member) ?? "";
            }
            SharedKey = FormatKey(key);
            AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Patient Leaders Community")}:{Uri.EscapeDataString(member.Email)}?secret={key}&issuer={Uri.EscapeDataString("Patient Leaders Community")}&digits=6";
        }
    }

    private async Task<bool> MustKeepTwoFactorAsync(Member member)
    {
        var roles = await users.GetRolesAsync(member);
        return roles.Any(Roles.RequiringTwoFactor.Contains);
    }

    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
