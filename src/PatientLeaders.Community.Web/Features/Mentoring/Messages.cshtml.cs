using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Messages between the pair. A plain form and page that work without JavaScript (post, then reload);
/// mentoring-messages.js sends over the mentoring hub instead and fetches new messages from OnGetAfter when told.
/// </summary>
public sealed class MessagesModel(RelationshipStore store, PairMessenger messenger, ILogger<MessagesModel> logger, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    [BindProperty]
    public string? Body { get; set; }

    /// <summary>One per page view, so a form posted twice stores the message once.</summary>
    [BindProperty]
    public string ClientMessageId { get; set; } = Guid.NewGuid().ToString();

    public Relationship Pair { get; private set; } = new();

    public long MemberId { get; private set; }

    public IReadOnlyList<PairMessage> Messages { get; private set; } = [];

    public long? EarlierBeforeSeq { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? before, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await LoadMessagesAsync(before ?? long.MaxValue, ct);
        return Page();
    }

    /// <summary>Messages after sequence number <paramref name="after"/> as JSON, in order; the script writes them with textContent.</summary>
    public async Task<IActionResult> OnGetAfterAsync(long id, long after, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var messages = await store.MessagesAfterAsync(id, after, ct);
        if (messages.Count > 0)
        {
            await store.MarkReadAsync(id, MemberId, messages[^1].Seq, ct);
        }
        return new JsonResult(new
        {
            more = messages.Count == RelationshipStore.CatchUpSize,
            messages = messages.Select(m => new
            {
                seq = m.Seq,
                clientMessageId = m.ClientMessageId,
                mine = m.SenderId == MemberId,
                from = m.SenderId == MemberId ? localizer["You"].Value : Pair.OtherName(MemberId),
                body = m.Body,
                sentAt = SentAt(m),
                sentAtIso = SentAtIso(m),
            }),
        });
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Pair.Status != RelationshipStatus.Active)
        {
            return NotFound();
        }
        var body = Body?.Trim() ?? "";
        if (PairMessenger.Problem(body, localizer) is { } problem)
        {
            ModelState.AddModelError(nameof(Body), problem);
        }
        if (!PairMessenger.IsValidClientId(ClientMessageId))
        {
            ClientMessageId = Guid.NewGuid().ToString();
        }
        if (!ModelState.IsValid)
        {
            await LoadMessagesAsync(long.MaxValue, ct);
            return Page();
        }
        if (await messenger.SendAsync(id, MemberId, ClientMessageId, body, ct) is null)
        {
            return NotFound();
        }
        TempData["Status"] = localizer["Message sent."].Value;
        return Redirect($"/mentoring/{id}/messages#message-form");
    }

    /// <summary>When a message was sent, in the reader's culture's month names, always saying its zone: "5 Mar 14:05 UTC".</summary>
    public static string SentAt(PairMessage message) =>
        message.SentAt.UtcDateTime.ToString("d MMM HH:mm 'UTC'", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The same moment for a &lt;time&gt; element's datetime attribute.</summary>
    public static string SentAtIso(PairMessage message) =>
        message.SentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task LoadMessagesAsync(long beforeSeq, CancellationToken ct)
    {
        Messages = await store.MessagesAsync(Pair.Id, beforeSeq, ct);
        if (Messages.Count > 0)
        {
            await store.MarkReadAsync(Pair.Id, MemberId, Messages[^1].Seq, ct);
        }
        EarlierBeforeSeq = Messages.Count == RelationshipStore.MessagePageSize ? Messages[0].Seq : null;
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        MemberId = CurrentMember.Id(User);
        if (await store.FindForMemberAsync(id, MemberId, ct) is not { } pair)
        {
            logger.LogWarning("Denied mentoring messages {RelationshipId} to member {MemberId}", id, MemberId);
            return false;
        }
        Pair = pair;
        return true;
    }
}
