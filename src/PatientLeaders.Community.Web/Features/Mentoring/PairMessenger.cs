using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Messages between a pair, from the live page and from the plain form alike: stored first, then the pair's open
/// pages are told the new sequence number. Ending a relationship takes its live connections out of the conversation.
/// </summary>
public sealed class PairMessenger(RelationshipStore store, PairConnections connections, IHubContext<MentoringHub, IMentoringClient> hub, ClusterBus bus)
    : IClusterMessageHandler
{
    public string Channel => "pairs.ended";

    public const int MaxMessageLength = 4000;

    /// <summary>Null when the sender is not one of an active pair. A retried send returns the stored message and tells nobody again.</summary>
    public async Task<PairMessage?> SendAsync(long relationshipId, long senderId, string clientMessageId, string body, CancellationToken ct)
    {
        var (message, created) = await store.SendMessageAsync(relationshipId, senderId, clientMessageId, body, ct);
        if (message is not null && created)
        {
            await hub.Clients.Group(PairGroups.For(relationshipId)).MessagePosted(relationshipId, message.Seq);
        }
        return message;
    }

    /// <summary>On every server (<see cref="ClusterBus"/>), the pair's live connections leave the conversation and are told so.</summary>
    public Task EndedAsync(long relationshipId) =>
        bus.PublishAsync(Channel, relationshipId.ToString(CultureInfo.InvariantCulture), CancellationToken.None);

    public Task HandleAsync(string message, CancellationToken ct) =>
        EndedHereAsync(long.Parse(message, CultureInfo.InvariantCulture));

    private async Task EndedHereAsync(long relationshipId)
    {
        foreach (var connectionId in connections.RemovePair(relationshipId))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, PairGroups.For(relationshipId), CancellationToken.None);
            await hub.Clients.Client(connectionId).PairEnded(relationshipId);
        }
    }

    /// <summary>A client id must be a UUID: the browser makes one per message, the plain form one per page.</summary>
    public static bool IsValidClientId(string? clientMessageId) => clientMessageId is { Length: <= 64 } && Guid.TryParse(clientMessageId, out _);

    /// <summary>
    /// The reason a message cannot be sent, in the reader's language, or null when it can: as a form's field error, or
    /// as a <paramref name="sentence"/> with its full stop for the live page's "Not sent: …".
    /// </summary>
    public static string? Problem(string body, IStringLocalizer localizer, bool sentence = false)
    {
        if (body.Length == 0)
        {
            return localizer[sentence ? "Write a message before sending." : "Write a message before sending"].Value;
        }
        var most = MaxMessageLength.ToString("N0", CultureInfo.CurrentCulture);
        return body.Length > MaxMessageLength
            ? localizer[sentence ? "A message must be {0} characters or fewer." : "A message must be {0} characters or fewer", most].Value
            : null;
    }
}
