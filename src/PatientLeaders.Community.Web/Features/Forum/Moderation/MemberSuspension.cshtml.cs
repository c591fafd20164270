using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>
/// Moderators suspend a member for a period with a message, or lift a suspension; both go in the moderation audit
/// log. A moderator cannot act on themselves, an admin or another moderator (admins can act on anyone but themselves).
/// </summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class MemberSuspensionModel(UserManager<Member> users, Suspensions suspensions, ModerationStore moderation, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Range(1, 365, ErrorMessage = "Enter a number of days from 1 to 365")]
        public int Days { get; set; } = 7;

        [Required(ErrorMessage = "Write a message to the member: they see it by email and when they try to sign in")]
        [StringLength(1000, ErrorMessage = "The message must be 1,000 characters or fewer")]
        public string? Message { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Confirm that you want to suspend this member")]
        public bool Confirm { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Member Target { get; private set; } = new();

    public bool IsSuspended { get; private set; }

    public bool CanAct { get; private set; }

    public async Task<IActionResult> OnGetAsync(string handle) => await LoadAsync(handle) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSuspendAsync(string handle, CancellationToken ct)
    {
        if (!await LoadAsync(handle) || !CanAct)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var until = await suspensions.SuspendAsync(Target, Input.Days, Input.Message, ct);
        await moderation.RecordMemberActionAsync(CurrentMember.Id(User), ModerationActionKinds.Suspend, Target.Id,
            $"Until {Suspensions.EndDate(until)}. {Target.SuspensionReason}", ct);
        TempData["Status"] = localizer["{0} is suspended until {1} UTC on {2} and has been signed out everywhere.", Target.DisplayName, EndTime(until), EndDay(until)].Value;
        return RedirectToPage(new { handle = Target.Handle });
    }

    public async Task<IActionResult> OnPostLiftAsync(string handle, CancellationToken ct)
    {
        if (!await LoadAsync(handle) || !CanAct)
        {
            return NotFound();
        }
        await suspensions.LiftAsync(Target, ct);
        await moderation.RecordMemberActionAsync(CurrentMember.Id(User), ModerationActionKinds.Unsuspend, Target.Id, "", ct);
        TempData["Status"] = localizer["{0} can sign in again.", Target.DisplayName].Value;
        return RedirectToPage(new { handle = Target.Handle });
    }

    /// <summary>"Suspended until 14:00 UTC on 9 March 2030", the day in the reader's language (the log keeps Suspensions.EndDate).</summary>
    public static string SuspendedUntil(IStringLocalizer strings, DateTimeOffset until) =>
        strings["Suspended until {0} UTC on {1}", EndTime(until), EndDay(until)].Value;

    private static string EndTime(DateTimeOffset until) => until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string EndDay(DateTimeOffset until) => until.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    private async Task<bool> LoadAsync(string handle)
    {
        if (await users.FindByNameAsync(handle) is not { } member)
        {
            return false;
        }
        Target = member;
        IsSuspended = member.IsSuspendedAt(clock.GetUtcNow());
        var roles = await users.GetRolesAsync(member);
        var self = member.Id == CurrentMember.Id(User);
        var staff = roles.Contains(Roles.Admin) || roles.Contains(Roles.Moderator);
        CanAct = !self && (User.IsInRole(Roles.Admin) || !staff);
        return true;
    }
}
