using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Admin;

[EnableRateLimiting(AccountsServices.InvitationLimit)]
public sealed class IndexModel(AdminStore admin, InvitationStore invitations, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the email address to send the invitation to")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.com")]
        [StringLength(320)]
        public string Email { get; set; } = "";

        public string Role { get; set; } = Roles.Member;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    public IReadOnlyList<MemberListItem> Members { get; private set; } = [];

    public long? NextAfterId { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(long after, CancellationToken ct) => await LoadAsync(after, ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!Roles.IsKnown(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Choose a role from the list");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(0, ct);
            return Page();
        }
        await invitations.InviteAsync(Input.Email.Trim(), Input.Role, CurrentMember.Id(User),
            User.FindFirst(MemberClaims.DisplayName)?.Value ?? "An administrator", ct);
        TempData["Status"] = $"Invitation sent to {Input.Email.Trim()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long invitationId, CancellationToken ct)
    {
        await invitations.RevokeAsync(invitationId, ct);
        TempData["Status"] = "The invitation has been withdrawn.";
        return RedirectToPage();
    }

    private async Task LoadAsync(long after, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Invitations = await invitations.RecentAsync(20, ct);
        Members = await admin.MembersAsync(Math.Max(0, after), PageSize, ct);
        NextAfterId = Members.Count == PageSize ? Members[^1].Id : null;
    }
}
