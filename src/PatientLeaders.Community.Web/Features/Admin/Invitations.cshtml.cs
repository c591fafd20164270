using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Admin;

/// <summary>
/// Invite many people at once: paste a list or upload a CSV of name, email and role, check it (duplicates, members
/// already, invitations waiting, bad addresses, unknown roles), then send to everyone the check passed, with an
/// optional personal message. Nothing is sent until the admin has seen the check.
/// </summary>
[EnableRateLimiting(AccountsServices.InvitationLimit)]
public sealed class InvitationsModel(InvitationStore invitations, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxFileBytes = 256 * 1024;

    [BindProperty]
    [StringLength(300_000, ErrorMessage = "The list is too long: invite up to 500 people at a time")]
    public string? List { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    [StringLength(1000, ErrorMessage = "The personal message must be 1,000 characters or fewer")]
    public string? Message { get; set; }

    public IReadOnlyList<InvitationRow>? Rows { get; private set; }

    public int Sendable => Rows?.Count(r => r.CanSend) ?? 0;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > MaxFileBytes)
            {
                ModelState.AddModelError(nameof(Upload), localizer["The file must be 256 KB or smaller"]);
                return Page();
            }
            using var text = new StreamReader(file.OpenReadStream());
            List = await text.ReadToEndAsync(ct);
            ModelState.Remove(nameof(List));
        }
        if (string.IsNullOrWhiteSpace(List))
        {
            ModelState.AddModelError(nameof(List), localizer["Paste a list of people to invite, or choose a CSV file"]);
        }
        if (ModelState.IsValid)
        {
            await CheckAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(List) || !await CheckAsync(ct))
        {
            return Page();
        }
        var inviter = User.FindFirst(MemberClaims.DisplayName)?.Value ?? "An administrator";
        foreach (var row in Rows!.Where(r => r.CanSend))
        {
            await invitations.InviteAsync(row.Email, row.Role, CurrentMember.Id(User), inviter, ct, row.Name, Message?.Trim() ?? "");
        }
        TempData["Status"] = localizer.Plural(Sendable, "{0} invitations sent.");
        return Redirect("/admin");
    }

    /// <summary>Reads and checks the list; false, with the error shown, when it is too long to take at once.</summary>
    private async Task<bool> CheckAsync(CancellationToken ct)
    {
        IReadOnlyList<InvitationRow> rows;
        try
        {
            rows = InvitationList.Parse(List!);
        }
        catch (CsvHelper.CsvFormatException)
        {
            ModelState.AddModelError(nameof(List), localizer["The list could not be read: a quotation mark is not closed. Check the quotes, or leave them out."]);
            return false;
        }
        if (rows.Count > InvitationList.MaxRows)
        {
            ModelState.AddModelError(nameof(List), localizer["The list is too long: invite up to 500 people at a time"]);
            return false;
        }
        var (members, invited) = await invitations.KnownEmailsAsync(rows.Where(r => r.CanSend).Select(r => r.Email).ToList(), ct);
        Rows = InvitationList.Against(rows, members, invited);
        if (Rows.Count == 0)
        {
            ModelState.AddModelError(nameof(List), localizer["Paste a list of people to invite, or choose a CSV file"]);
            return false;
        }
        return true;
    }
}
