using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// Live forum updates: new and edited posts in an open thread, and the member's own notification count.
/// The site-wide hub filter checks the sign-in session before every call; JoinThread checks access every time,
/// and a thread the member cannot open gets exactly the answer of a thread that does not exist.
/// </summary>
[Authorize]
public sealed class ForumHub(ForumAccess access) : Hub<IForumClient>
{
    public const string Path = "/hubs/forum";
    public const string NotFound = "This thread does not exist.";

    public override async Task OnConnectedAsync()
    {
        if (ForumViewer.From(Context.User!).MemberId is { } memberId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ForumGroups.Member(memberId), Context.ConnectionAborted);
        }
        await base.OnConnectedAsync();
    }

    /// <summary>Subscribes to the thread; the client then fetches posts after the last number it saw.</summary>
    public async Task JoinThread(long threadId)
    {
        var viewer = ForumViewer.From(Context.User!);
        if (viewer.IsGuest || await access.ThreadAsync(threadId, viewer, Context.ConnectionAborted) is null)
        {
            throw new HubException(NotFound);
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, ForumGroups.Thread(threadId), Context.ConnectionAborted);
    }

    public async Task LeaveThread(long threadId) =>
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ForumGroups.Thread(threadId), Context.ConnectionAborted);
}
