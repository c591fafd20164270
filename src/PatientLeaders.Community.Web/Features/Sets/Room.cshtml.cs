using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// The live room. The page renders the state and the history so far (readable without JavaScript);
/// room.js joins the hub, then keeps both up to date.
/// </summary>
public sealed class RoomModel(SetStore sets, RoomStore store, RoomService rooms, MarkdownRenderer renderer) : PageModel
{
    public SetView Set { get; private set; } = new();
    public SetAccess Access { get; private set; } = SetAccess.Nobody(0, 0);
    public RoomStateView State { get; private set; } = new();

    /// <summary>The open meeting's way in by video call or phone, or else the set's (members only, like the room).</summary>
    public CallDetails Call { get; private set; } = CallDetails.None;
    public IReadOnlyList<RoomMessageView> Messages { get; private set; } = [];
    public bool MustAcceptRules { get; private set; }
    public SanitizedHtml RulesHtml { get; private set; } = SanitizedHtml.Empty;

    /// <summary>Set when the lobby has not opened yet for this reader: the page says when it will, and no more.</summary>
    public MeetingRow? NotOpenYet { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct)
    {
        Access = await sets.AccessAsync(id, User, ct);
        if (!Access.CanSeeContent || await sets.FindAsync(id, ct) is not { } set)
        {
            return NotFound();
        }
        Set = set;
        MustAcceptRules = Access.IsMember && await sets.AcceptedVersionAsync(id, Access.MemberId, ct) < set.GroundRulesVersion;
        RulesHtml = renderer.Render(set.GroundRules);
        var open = await store.OpenMeetingAsync(id, ct);
        Call = CallDetails.For(open?.Row, set);
        if (open is { } upcoming && !rooms.MayEnter(Access, upcoming))
        {
            NotOpenYet = upcoming.Row;
            OpensAt = rooms.LobbyOpensAt(upcoming.Row);
            return Page();
        }
        State = await rooms.CurrentViewAsync(id, ct) ?? new RoomStateView();
        if (!MustAcceptRules)
        {
            Messages = await store.MessagesAfterAsync(id, 0, ct);
        }
        return Page();
    }
}
