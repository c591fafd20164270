using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// A singleton, so the budgets are shared by all of a member's connections.
/// Runs before every call on every hub (set rooms, forum, mentoring messages): the sign-in session must still be live
/// (sign-out, "sign out everywhere", suspension and erasure end it), staff must have two-factor sign-in on
/// (<see cref="StaffTwoFactor"/>: it can be turned off while a connection stays open), and each member has one budget of live actions
/// and one of chat messages (set rooms and mentoring together). Its messages name what the caller was using.
/// </summary>
public sealed partial class RoomHubFilter(SessionStore sessions, LiveConnections live, IOptions<SetsOptions> options, ILogger<RoomHubFilter> logger,
    IStringLocalizer<SharedResource> localizer) : IHubFilter
{
    public const string SessionEnded = "Your session has ended. Sign in again to rejoin the room.";
    public const string ForumSessionEnded = "Your session has ended. Sign in again to see new replies as they arrive.";
    public const string MentoringSessionEnded = "Your session has ended. Sign in again to rejoin the conversation.";

    private readonly ConcurrentDictionary<long, RateLimiter> chatLimiters = new();
    private readonly ConcurrentDictionary<long, RateLimiter> callLimiters = new();
    private readonly ConcurrentDictionary<long, RateLimiter> signalLimiters = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var memberId = await RequireLiveSessionAsync(context, invocationContext.Hub);
        var limits = options.Value;
        // Joining a full room's audio sends a burst of signalling (a description and a few candidates per peer): it
        // has its own, larger budget, apart from the room's other calls.
        var isSignal = invocationContext.Hub is RoomHub && invocationContext.HubMethodName == nameof(RoomHub.Signal);
        if (!(isSignal ? Acquire(signalLimiters, memberId, limits.AudioSignalsPerTenSeconds) : Acquire(callLimiters, memberId, limits.RoomCallsPerTenSeconds)))
        {
            LogLimited(memberId, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName);
            throw new HubException(Say(context, "You are doing that too quickly. Wait a few seconds and try again."));
        }
        // RoomHub and MentoringHub both name their send SendMessage, and share the one chat budget.
        if (invocationContext.HubMethodName == nameof(RoomHub.SendMessage) && !Acquire(chatLimiters, memberId, limits.ChatMessagesPerTenSeconds))
        {
            LogLimited(memberId, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName);
            throw new HubException(Say(context, "You have sent {0} messages in ten seconds. Wait a few seconds, then send again — your message is kept.", limits.ChatMessagesPerTenSeconds));
        }
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            // An expected refusal (an outsider asking for a room, a closed meeting): information, without a trace.
            // SignalR's own "Failed to invoke hub method" error is turned off for this reason (CommunityServices).
            LogRefused(memberId, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, refused.Message);
            throw;
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            LogFailed(failed, memberId, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var memberId = await RequireLiveSessionAsync(context.Context, context.Hub);
        // Known by its session, so that ending the session closes it at once (LiveConnections).
        live.Add(memberId, CurrentMember.SessionId(context.Context.User!)!, context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        live.Remove(context.Context.ConnectionId);
        await next(context, exception);
    }

    /// <summary>What a caller whose session has ended is told, in the words of the hub they were using.</summary>
    public static string SessionEndedFor(Hub hub) => hub switch
    {
        ForumHub => ForumSessionEnded,
        MentoringHub => MentoringSessionEnded,
        _ => SessionEnded,
    };

    private async Task<long> RequireLiveSessionAsync(HubCallerContext context, Hub hub)
    {
        var user = context.User;
        var memberId = user is null ? null : SessionCookieEvents.MemberId(user);
        var sessionId = user is null ? null : CurrentMember.SessionId(user);
        var check = memberId is null || sessionId is null ? null : await sessions.ValidateAsync(sessionId, memberId.Value, context.ConnectionAborted);
        if (check is null)
        {
            // The error goes back first; then the connection closes, so it receives nothing more either.
            _ = CloseSoonAsync(context);
            throw new HubException(Say(context, SessionEndedFor(hub)));
        }
        if (StaffTwoFactor.IsMissing(user!, check.TwoFactorEnabled))
        {
            _ = CloseSoonAsync(context);
            throw new HubException(Say(context, StaffTwoFactor.Explanation));
        }
        return memberId!.Value;
    }

    /// <summary>Said in the caller's language: the one chosen for the request that opened the connection.</summary>
    private string Say(HubCallerContext context, string key, params object[] arguments)
    {
        var culture = context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name;
        return SiteCultures.In(culture, () => localizer[key, arguments].Value);
    }

    private static async Task CloseSoonAsync(HubCallerContext context)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(250));
        context.Abort();
    }

    private static bool Acquire(ConcurrentDictionary<long, RateLimiter> limiters, long memberId, int permits)
    {
        var limiter = limiters.GetOrAdd(memberId, _ => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(10),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        using var lease = limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live rate limit reached by member {MemberId} on {Hub}.{Method}")]
    private partial void LogLimited(long memberId, string hub, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Hub}.{Method} for member {MemberId}: {Reason}")]
    private partial void LogRefused(long memberId, string hub, string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to run {Hub}.{Method} for member {MemberId}")]
    private partial void LogFailed(Exception exception, long memberId, string hub, string method);
}
