using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Moderation;

namespace PatientLeaders.Community.Web.Features.Admin;

public sealed class MemberDetailModel(UserManager<Member> users, SessionStore sessions, SecurityEventLog securityLog, Suspensions suspensions,
    ModerationStore moderation, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
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
        // Site roles come from the form; a cohort's or a programme's roles belong to the programmes and are kept.
        var wanted = Input.Roles.Where(r => Roles.All.Contains(r)).Append(Roles.Member).Concat(CurrentRoles.Where(Roles.IsScoped)).ToHashSet();
        if (Member.Id == CurrentMember.Id(User) && !wanted.Contains(Roles.Admin))
        {
            ModelState.AddModelError("", localizer["You cannot remove your own administrator role. Ask another administrator."]);
            return Page();
        }
        await users.AddToRolesAsync(Member, wanted.Except(CurrentRoles));
        await users.RemoveFromRolesAsync(Member, CurrentRoles.Except(wanted));
        await sessions.EndAllAsync(Member.Id, ct, exceptSessionId: Member.Id == CurrentMember.Id(User) ? CurrentMember.SessionId(User) : null);
        await securityLog.RecordAsync(Member.Id, SecurityEvents.RolesChanged, ct);
        TempData["Status"] = localizer["Roles saved for {0}.", Member.DisplayName].Value;
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
            ModelState.AddModelError("", localizer["You cannot suspend yourself."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var until = await suspensions.SuspendAsync(Member, Input.SuspendDays, Input.Reason, ct);
        await moderation.RecordMemberActionAsync(CurrentMember.Id(User), ModerationActionKinds.Suspend, Member.Id,
            $"Until {Suspensions.EndDate(until)}. {Member.SuspensionReason}".Trim(), ct);
        TempData["Status"] = localizer["{0} is suspended and has been signed out everywhere.", Member.DisplayName].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRestoreAsync([FromRoute] long id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await suspensions.LiftAsync(Member, ct);
        await moderation.RecordMemberActionAsync(CurrentMember.Id(User), ModerationActionKinds.Unsuspend, Member.Id, "", ct);
        TempData["Status"] = localizer["{0} has been restored.", Member.DisplayName].Value;
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
