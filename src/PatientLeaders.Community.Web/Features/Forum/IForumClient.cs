namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// What the forum hub tells browsers. Only ids and numbers: the page fetches the rendered post or badge over HTTP,
/// so the normal page authorization decides what the reader sees.
/// </summary>
public interface IForumClient
{
    Task PostAdded(long threadId, long postId, int number);

    Task PostEdited(long threadId, long postId, int number);

    /// <summary>Sent to the recipient's own group only.</summary>
    Task NotificationAdded();

    /// <summary>A private message arrived in a conversation: sent to its people's own groups only.</summary>
    Task MessageAdded(long conversationId, long seq);
}
