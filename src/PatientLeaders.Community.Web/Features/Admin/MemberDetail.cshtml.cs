using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Admin;

public sealed class MemberDetailModel(UserManager<Member> users, SessionStore sessions, SecurityEventLog securityLog, MailOutbox outbox, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public List<string> Roles { get; set; } = [];

        [Range(1, 3650, ErrorMessage = "Enter a number of days from 1 to 3650")]
        public int SuspendDays { get; set; } = 7;

        [StringLength(1000, ErrorMessage = "The message must be 1,000 characters or fewer")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Member Member { get; private set; } = new();

    public IList<string> CurrentRoles { get; private set; } = [];

    public bool IsSuspended { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync([FromRoute] long id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var wanted = Input.Roles.Where(Roles.IsKnown).Append(Roles.Member).ToHashSet();
        if (Member.Id == CurrentMember.Id(User) && !wanted.Contains(Roles.Admin))
        {
            ModelState.AddModelError("", "You cannot remove your own administrator role. Ask another administrator.");
            return Page();
        }
        await users.AddToRolesAsync(Member, wanted.Except(CurrentRoles));
        await users.RemoveFromRolesAsync(Member, CurrentRoles.Except(wanted));
        await sessions.EndAllAsync(Member.Id, ct, exceptSessionId: Member.Id == CurrentMember.Id(User) ? CurrentMember.SessionId(User) : null);
        await securityLog.RecordAsync(Member.Id, SecurityEvents.RolesChanged, ct);
        TempData["Status"] = $"Roles saved for {Member.DisplayName}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSuspendAsync([FromRoute] long id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Member.Id == CurrentMember.Id(User))
        {
            ModelState.AddModelError("", "You cannot suspend yourself.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var until = clock.GetUtcNow().AddDays(Input.SuspendDays);
        Member.SuspendedUntil = until;
        Member.SuspensionReason = Input.Reason?.Trim();
        await users.UpdateAsync(Member);
        await users.UpdateSecurityStampAsync(Member);
        await sessions.EndAllAsync(Member.Id, ct);
        await securityLog.RecordAsync(Member.Id, SecurityEvents.Suspended, ct);
        await outbox.EnqueueAsync(new OutgoingMail(Member.Email, Member.DisplayName, "Your account has been suspended",
            $"""
            Hello {Member.DisplayName},

            Your Patient Leaders Community account has been suspended until {until.UtcDateTime:d MMMM yyyy}.

            {(string.IsNullOrWhiteSpace(Member.SuspensionReason) ? "" : "Message from the moderators: " + Member.SuspensionReason)}

            If you want to talk about this, reply to the community team through the help page.
            """, Member.Id), ct);
        TempData["Status"] = $"{Member.DisplayName} is suspended and has been signed out everywhere.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRestoreAsync([FromRoute] long id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Member.SuspendedUntil = null;
        Member.SuspensionReason = null;
        await users.UpdateAsync(Member);
        await securityLog.RecordAsync(Member.Id, SecurityEvents.Restored, ct);
        TempData["Status"] = $"{Member.DisplayName} has been restored.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id)
    {
        if (await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } member)
        {
            return false;
        }
        Member = member;
        CurrentRoles = await users.GetRolesAsync(member);
        IsSuspended = member.IsSuspendedAt(clock.GetUtcNow());
        return true;
    }
}
