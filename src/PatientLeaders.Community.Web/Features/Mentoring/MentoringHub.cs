using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Live messages between a mentoring pair. Every method checks again, against the database, that the caller is the
/// mentor or the mentee of an active relationship (RoomHubFilter has already checked the session and the rate
/// limits); anyone else, coordinators and admins included, gets the same answer as for a relationship that does not exist.
/// </summary>
[Authorize]
public sealed class MentoringHub(RelationshipStore store, PairMessenger messenger, PairConnections connections, ILogger<MentoringHub> logger) : Hub<IMentoringClient>
{
    public const string Path = "/hubs/mentoring";
    public const string NotFound = "This conversation does not exist.";

    /// <summary>Subscribes this connection to the pair; the page then fetches everything after the last seq it saw, so nothing falls in between.</summary>
    public async Task JoinPair(long relationshipId)
    {
        await RequireActivePairAsync(relationshipId);
        await Groups.AddToGroupAsync(Context.ConnectionId, PairGroups.For(relationshipId), Context.ConnectionAborted);
        connections.Join(relationshipId, Context.ConnectionId);
        // An ending that raced this join has already emptied the pair's list: check again so this connection is not left listening.
        if (await store.FindForMemberAsync(relationshipId, MemberId, Context.ConnectionAborted) is not { Status: RelationshipStatus.Active })
        {
            await LeaveAsync(relationshipId);
            throw new HubException(NotFound);
        }
    }

    public async Task LeavePair(long relationshipId)
    {
        await RequireActivePairAsync(relationshipId);
        await LeaveAsync(relationshipId);
    }

    public async Task<MessageAck> SendMessage(long relationshipId, string clientMessageId, string text)
    {
        await RequireActivePairAsync(relationshipId);
        if (!PairMessenger.IsValidClientId(clientMessageId))
        {
            throw new HubException("The message had no valid id. Reload the page and try again.");
        }
        var body = (text ?? "").Trim();
        if (PairMessenger.Problem(body) is { } problem)
        {
            throw new HubException(problem + ".");
        }
        // Null only if the relationship ended between the check and the send: the same answer as any other outsider.
        var message = await messenger.SendAsync(relationshipId, MemberId, clientMessageId, body, Context.ConnectionAborted) ?? throw new HubException(NotFound);
        return new MessageAck(message.Seq, message.ClientMessageId);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Disconnect(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private long MemberId => CurrentMember.Id(Context.User!);

    private async Task LeaveAsync(long relationshipId)
    {
        connections.Leave(relationshipId, Context.ConnectionId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, PairGroups.For(relationshipId), Context.ConnectionAborted);
    }

    private async Task RequireActivePairAsync(long relationshipId)
    {
        if (await store.FindForMemberAsync(relationshipId, MemberId, Context.ConnectionAborted) is not { Status: RelationshipStatus.Active })
        {
            logger.LogWarning("Denied mentoring conversation {RelationshipId} to member {MemberId}", relationshipId, MemberId);
            throw new HubException(NotFound);
        }
    }
}
