using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// Chat history after a sequence number, as JSON: how the room catches up after a reconnect. An ordinary page
/// request, so the usual authorization applies; a non-member gets 404.
/// </summary>
public sealed class RoomMessagesModel(SetStore sets, RoomStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromRoute] long id, long after, CancellationToken ct)
    {
        var access = await sets.AccessAsync(id, User, ct);
        if (!access.CanSeeContent)
        {
            return NotFound();
        }
        return new JsonResult(await store.MessagesAfterAsync(id, Math.Max(0, after), ct));
    }
}
