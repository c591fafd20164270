using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Live messages between a mentoring pair. Every method checks again, against the database, that the caller is the
/// mentor or the mentee of an active relationship (RoomHubFilter has already checked the session and the rate
/// limits); anyone else, coordinators and admins included, gets the same answer as for a relationship that does not exist.
/// </summary>
[Authorize]
public sealed class MentoringHub(RelationshipStore store, PairMessenger messenger, PairConnections connections, ILogger<MentoringHub> logger,
    IStringLocalizer<SharedResource> localizer) : Hub<IMentoringClient>
{
    public const string Path = "/hubs/mentoring";

    /// <summary>The answer for a pair that does not exist or is not the caller's (a resource key: the caller reads it in their language).</summary>
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
            throw NotFoundError();
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
            throw new HubException(Say(t => t["The message had no valid id. Reload the page and try again."].Value));
        }
        var body = (text ?? "").Trim();
        if (Say(t => PairMessenger.Problem(body, t, sentence: true)) is { } problem)
        {
            throw new HubException(problem);
        }
        // Null only if the relationship ended between the check and the send: the same answer as any other outsider.
        var message = await messenger.SendAsync(relationshipId, MemberId, clientMessageId, body, Context.ConnectionAborted) ?? throw NotFoundError();
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
            throw NotFoundError();
        }
    }

    private HubException NotFoundError() => new(Say(t => t[NotFound].Value));

    /// <summary>
    /// Words for the caller, in the language their connection's request chose (saved language, cookie or browser), as
    /// the page they are on says them; the page's script recognises the "does not exist" answer by these words.
    /// </summary>
    private T Say<T>(Func<IStringLocalizer, T> words)
    {
        var culture = Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        return SiteCultures.In(culture.Name, () => words(localizer));
    }
}
