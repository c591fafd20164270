using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Admin;

[EnableRateLimiting(AccountsServices.InvitationLimit)]
public sealed class IndexModel(AdminStore admin, InvitationStore invitations, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int PageSize = 50;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the email address to send the invitation to")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.com")]
        [StringLength(320)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role from the list")]
        public string Role { get; set; } = Roles.Member;

        [StringLength(100, ErrorMessage = "The name must be 100 characters or fewer")]
        [PlainText]
        public string? Name { get; set; }

        [StringLength(1000, ErrorMessage = "The personal message must be 1,000 characters or fewer")]
        public string? Message { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    public IReadOnlyList<MemberListItem> Members { get; private set; } = [];

    public long? NextAfterId { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public MemberFilter Filter { get; private set; } = MemberFilter.None;

    public async Task OnGetAsync(long after, string? q, string? role, string? status, CancellationToken ct)
    {
        var query = (q ?? "").Trim();
        Filter = new MemberFilter(query.Length > 100 ? query[..100] : query, Roles.IsKnown(role ?? "") ? role! : "",
            MemberFilter.Statuses.Contains(status ?? "") ? status! : "");
        await LoadAsync(after, ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!Roles.IsKnown(Input.Role))
        {
            ModelState.AddModelError("Input.Role", localizer["Choose a role from the list"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(0, ct);
            return Page();
        }
        await invitations.InviteAsync(Input.Email.Trim(), Input.Role, CurrentMember.Id(User), Inviter, ct, Input.Name?.Trim() ?? "", Input.Message?.Trim() ?? "");
        TempData["Status"] = localizer["Invitation sent to {0}.", Input.Email.Trim()].Value;
        return RedirectToPage();
    }

    /// <summary>A new link for an invitation that was not used: waiting, or expired.</summary>
    public async Task<IActionResult> OnPostResendAsync(long invitationId, CancellationToken ct)
    {
        TempData["Status"] = await invitations.ResendAsync(invitationId, Inviter, ct)
            ? localizer["The invitation has been sent again with a new link."].Value
            : localizer["That invitation was already used or withdrawn."].Value;
        return RedirectToPage();
    }

    /// <summary>The next page of members, keeping the search.</summary>
    public string NextUrl(long after) => "/admin" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Filter.Query.Length > 0 ? Filter.Query : null,
        ["role"] = Filter.Role.Length > 0 ? Filter.Role : null,
        ["status"] = Filter.Status.Length > 0 ? Filter.Status : null,
        ["after"] = after.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();

    private string Inviter => User.FindFirst(MemberClaims.DisplayName)?.Value ?? "An administrator";

    public async Task<IActionResult> OnPostWithdrawAsync(long invitationId, CancellationToken ct)
    {
        await invitations.RevokeAsync(invitationId, ct);
        TempData["Status"] = localizer["The invitation has been withdrawn."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(long after, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Invitations = await invitations.RecentAsync(20, ct);
        Members = await admin.MembersAsync(Filter, Math.Max(0, after), PageSize, ct);
        NextAfterId = Members.Count == PageSize ? Members[^1].Id : null;
    }
}

