using Microsoft.AspNetCore.Mvc.RazorPages;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>A member's private conversations, the latest first, with what is unread.</summary>
public sealed class IndexModel(MessageStore messages) : PageModel
{
    public long MemberId { get; private set; }

    public IReadOnlyList<ConversationView> Conversations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        MemberId = CurrentMember.Id(User);
        Conversations = await messages.ConversationsOfAsync(MemberId, ct);
    }
}
