using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Infrastructure.Forms;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;
namespace PatientLeaders.Community.Web.Features.Sets;

public sealed class MembersModel(SetStore sets, RoomService rooms, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the handle of the member to add")]
        [StringLength(41, ErrorMessage = "Handles are 40 characters or fewer")]
        [PlainText]
        public string Handle { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SetView Set { get; private set; } = new();

    public IReadOnlyList<SetMemberView> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync([FromRoute] long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var handle = Input.Handle.Trim().TrimStart('@');
        var found = await sets.FindHandlesAsync([handle], ct);
        if (!found.TryGetValue(handle.ToUpperInvariant(), out var memberId))
        {
            ModelState.AddModelError("Input.Handle", localizer["There is no member with the handle {0}", "@" + handle]);
            return Page();
        }
        if (memberId == Set.FacilitatorId)
        {
            ModelState.AddModelError("Input.Handle", localizer["The facilitator takes part in every meeting already"]);
            return Page();
        }
        TempData["Status"] = (await sets.AddMemberAsync(id, memberId, ct) ? localizer["@{0} has been added to the set.", handle] : localizer["@{0} is already in the set.", handle]).Value;
        await rooms.BroadcastPresenceAsync(id, ct);
        return LocalRedirect($"/sets/{id}/members");
    }

    /// <summary>Removal takes effect at once, in the live room too.</summary>
    public async Task<IActionResult> OnPostRemoveAsync([FromRoute] long id, long memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var member = Members.FirstOrDefault(m => m.MemberId == memberId);
        if (member is not null && await sets.RemoveMemberAsync(id, memberId, ct))
        {
            await rooms.RevokeAsync(id, memberId, ct);
            TempData["Status"] = localizer["{0} has been removed from the set.", member.DisplayName].Value;
        }
        return LocalRedirect($"/sets/{id}/members");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var access = await sets.AccessAsync(id, User, ct);
        if (!access.CanManage || await sets.FindAsync(id, ct) is not { } set)
        {
            return false;
        }
        Set = set;
        Members = await sets.MembersAsync(id, ct);
        return true;
    }
}
