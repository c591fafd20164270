using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>The members this member has blocked, each with a way to unblock.</summary>
public sealed class BlockedModel(MessageStore messages, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<Participant> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Members = await messages.BlockedByAsync(CurrentMember.Id(User), ct);

    public async Task<IActionResult> OnPostAsync(long memberId, CancellationToken ct)
    {
        var me = CurrentMember.Id(User);
        if ((await messages.BlockedByAsync(me, ct)).FirstOrDefault(p => p.Id == memberId) is not { } member)
        {
            return NotFound();
        }
        await messages.BlockAsync(me, memberId, block: false, ct);
        TempData["Status"] = localizer["You have unblocked {0}.", member.DisplayName].Value;
        return Redirect("/messages/blocked");
    }
}
