namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// What the server tells a pair's open message pages. Only sequence numbers travel: the page fetches the messages
/// over HTTP, where the usual authorization applies, so a push never carries content.
/// </summary>
public interface IMentoringClient
{
    /// <summary>A message with this sequence number has been stored in the pair's conversation.</summary>
    Task MessagePosted(long relationshipId, long seq);

    /// <summary>The relationship has ended: this connection has left the conversation and will hear nothing more.</summary>
    Task PairEnded(long relationshipId);
}
