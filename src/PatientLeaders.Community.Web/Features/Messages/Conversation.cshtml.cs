using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>
/// One conversation, for the people in it and nobody else (anyone else gets 404, moderators too). Reply, block a
/// participant, or report one of their messages. Works without JavaScript: post, then the page again.
/// </summary>
[EnableRateLimiting(ForumServices.PostingLimit)]
public sealed class ConversationModel(MessageStore messages, ForumLive live, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [StringLength(MessageLimits.BodyMax, ErrorMessage = "A message must be 4,000 characters or fewer")]
    public string? Body { get; set; }

    public ConversationView Conversation { get; private set; } = new();

    public IReadOnlyList<DirectMessage> Messages { get; private set; } = [];

    public IReadOnlySet<long> Blocked { get; private set; } = new HashSet<long>();

    public long MemberId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Body))
        {
            ModelState.AddModelError(nameof(Body), localizer["Write a message before sending"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var sent = await messages.SendAsync(Conversation, MemberId, User.FindFirst(MemberClaims.DisplayName)?.Value ?? "", Body!.Trim(), ct);
        if (sent.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Body), localizer[problem]);
            return Page();
        }
        await live.MessageAddedAsync(id, sent.Message!.Seq, Conversation.Participants.Select(p => p.Id).ToList());
        TempData["Status"] = localizer["Message sent."].Value;
        return Redirect($"/messages/{id}#message-form");
    }

    /// <summary>The messages after <paramref name="after"/>, as markup for live.js to add: read by the same rule as the page.</summary>
    public async Task<IActionResult> OnGetAfterAsync(long id, long after, CancellationToken ct)
    {
        MemberId = CurrentMember.Id(User);
        if (await messages.FindAsync(id, MemberId, ct) is not { } conversation)
        {
            return NotFound();
        }
        return Partial("_Messages", new MessageList(await messages.ReadAsync(conversation, MemberId, Math.Max(0, after), ct), MemberId));
    }

    /// <summary>Blocks (or unblocks) one of the other people here: no message passes between them either way until it is lifted.</summary>
    public async Task<IActionResult> OnPostBlockAsync(long id, long memberId, bool block, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Conversation.Others(MemberId).FirstOrDefault(p => p.Id == memberId) is not { } other)
        {
            return NotFound();
        }
        await messages.BlockAsync(MemberId, memberId, block, ct);
        TempData["Status"] = block
            ? localizer["You have blocked {0}. Neither of you can send the other a message until you unblock them.", other.DisplayName].Value
            : localizer["You have unblocked {0}.", other.DisplayName].Value;
        return Redirect($"/messages/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        MemberId = CurrentMember.Id(User);
        if (await messages.FindAsync(id, MemberId, ct) is not { } conversation)
        {
            return false;
        }
        Conversation = conversation;
        Messages = await messages.ReadAsync(conversation, MemberId, 0, ct);
        Blocked = (await messages.BlockedByAsync(MemberId, ct)).Select(p => p.Id).ToHashSet();
        return true;
    }
}
