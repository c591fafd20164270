using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>Messages between the pair: a plain form and page that work without JavaScript; messages.js adds polling.</summary>
public sealed class MessagesModel(RelationshipStore store, ILogger<MessagesModel> logger) : PageModel
{
    public const int MaxMessageLength = 4000;

    [BindProperty]
    public string? Body { get; set; }

    public Relationship Pair { get; private set; } = new();

    public long MemberId { get; private set; }

    public IReadOnlyList<PairMessage> Messages { get; private set; } = [];

    public long? EarlierBeforeId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? before, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await LoadMessagesAsync(before ?? long.MaxValue, ct);
        return Page();
    }

    /// <summary>New messages after <paramref name="after"/> as JSON, for the page's polling; the script writes them with textContent.</summary>
    public async Task<IActionResult> OnGetAfterAsync(long id, long after, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var messages = await store.MessagesAfterAsync(id, after, ct);
        return new JsonResult(messages.Select(m => new
        {
            id = m.Id,
            from = m.SenderId == MemberId ? "You" : Pair.OtherName(MemberId),
            mine = m.SenderId == MemberId,
            body = m.Body,
            sentAt = m.SentAt.UtcDateTime.ToString("d MMM HH:mm 'UTC'", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
        }));
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Pair.Status != RelationshipStatus.Active)
        {
            return NotFound();
        }
        var body = Body?.Trim() ?? "";
        if (body.Length == 0)
        {
            ModelState.AddModelError(nameof(Body), "Write a message before sending");
        }
        else if (body.Length > MaxMessageLength)
        {
            ModelState.AddModelError(nameof(Body), $"A message must be {MaxMessageLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            await LoadMessagesAsync(long.MaxValue, ct);
            return Page();
        }
        await store.SendMessageAsync(id, MemberId, body, ct);
        TempData["Status"] = "Message sent.";
        return Redirect($"/mentoring/{id}/messages#message-form");
    }

    private async Task LoadMessagesAsync(long before, CancellationToken ct)
    {
        Messages = await store.MessagesAsync(Pair.Id, before, ct);
        EarlierBeforeId = Messages.Count == RelationshipStore.MessagePageSize ? Messages[0].Id : null;
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
