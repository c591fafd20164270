using Microsoft.AspNetCore.SignalR;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// Tells open pages that something changed, after the change has committed. Best effort: a page that misses a
/// message catches up when it reconnects or reloads, so a failed send is logged, never thrown at the writer.
/// </summary>
public sealed partial class ForumLive(IHubContext<ForumHub, IForumClient> hub, ILogger<ForumLive> logger)
{
    public async Task PostAddedAsync(long threadId, long postId, int number, IReadOnlyCollection<long> notified)
    {
        try
        {
            await hub.Clients.Group(ForumGroups.Thread(threadId)).PostAdded(threadId, postId, number);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
        await NotifiedAsync(notified);
    }

    public async Task PostEditedAsync(long threadId, long postId, int number)
    {
        try
        {
            await hub.Clients.Group(ForumGroups.Thread(threadId)).PostEdited(threadId, postId, number);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    public async Task NotifiedAsync(IReadOnlyCollection<long> memberIds)
    {
        if (memberIds.Count == 0)
        {
            return;
        }
        try
        {
            await hub.Clients.Groups(memberIds.Select(ForumGroups.Member).ToList()).NotificationAdded();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    /// <summary>Tells the people of a private conversation, on every page they have open, that a message arrived.</summary>
    public async Task MessageAddedAsync(long conversationId, long seq, IReadOnlyCollection<long> memberIds)
    {
        try
        {
            await hub.Clients.Groups(memberIds.Select(ForumGroups.Member).ToList()).MessageAdded(conversationId, seq);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live forum update could not be sent")]
    private partial void LogFailed(Exception exception);
}
