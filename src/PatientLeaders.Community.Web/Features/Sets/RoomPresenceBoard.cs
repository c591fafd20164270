using System.Text.Json;
using PatientLeaders.Community.Web.Infrastructure.ScaleOut;
using StackExchange.Redis;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>A member's audio in a room, as the list of people shows it.</summary>
public static class AudioStatus
{
    public const string Off = "off";
    public const string Muted = "muted";
    public const string On = "on";

    /// <summary>Of two of a member's connections (on two servers), the one that says more.</summary>
    public static string Louder(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(string status) => status switch { On => 2, Muted => 1, _ => 0 };
}

/// <summary>
/// A member in a room: away only when away on every connection; their audio and its session (which the page
/// chose when it joined the audio, so peers can tell a new connection from an old one).
/// </summary>
public sealed record MemberHere(bool Away, string Audio = AudioStatus.Off, string? AudioSession = null)
{
    public MemberHere With(MemberHere elsewhere) =>
        new(Away && elsewhere.Away, AudioStatus.Louder(Audio, elsewhere.Audio), Audio == AudioStatus.Off ? elsewhere.AudioSession : AudioSession);
}

/// <summary>
/// Who is in each room across every server. Each server keeps its own connections (<see cref="RoomConnections"/>)
/// and, when SignalR:Redis is set, writes its part of each room to Redis under its own key with a short lifetime,
/// renewed by <see cref="RoomPresenceHeartbeat"/>. A server that dies stops renewing, and its members drop out of the
/// room within <see cref="Lifetime"/>. With one server this is the local map and nothing else.
/// </summary>
public sealed class RoomPresenceBoard(RoomConnections connections, ClusterBus bus)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    /// <summary>Members with a connection in the room on any server; away only when away wherever they are connected.</summary>
    public async Task<IReadOnlyDictionary<long, MemberHere>> PresentAsync(long setId)
    {
        var local = connections.Present(setId);
        if (bus.Redis is not { } redis)
        {
            return local;
        }

        try
        {
            return await MergeAsync(redis, setId, local);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis is away: this server's own people, rather than no room at all.
            return local;
        }
    }

    private async Task<IReadOnlyDictionary<long, MemberHere>> MergeAsync(IDatabase redis, long setId, IReadOnlyDictionary<long, MemberHere> local)
    {
        var merged = new Dictionary<long, MemberHere>(local);
        foreach (var server in await redis.SetMembersAsync(ServersKey(setId)))
        {
            if (server == bus.ServerId)
            {
                continue;
            }

            var part = await redis.StringGetAsync(Key(setId, server!));
            if (part.IsNull)
            {
                await redis.SetRemoveAsync(ServersKey(setId), server);
                continue;
            }

            foreach (var (memberId, here) in JsonSerializer.Deserialize<Dictionary<long, MemberHere>>(part.ToString())!)
            {
                merged[memberId] = merged.TryGetValue(memberId, out var elsewhere) ? elsewhere.With(here) : here;
            }
        }

        return merged;
    }

    /// <summary>Writes this server's part of the room after it changed.</summary>
    public async Task PublishAsync(long setId)
    {
        if (bus.Redis is not { } redis)
        {
            return;
        }

        var local = connections.Present(setId);
        try
        {
            if (local.Count == 0)
            {
                await redis.KeyDeleteAsync(Key(setId, bus.ServerId));
                return;
            }

            await redis.StringSetAsync(Key(setId, bus.ServerId), JsonSerializer.Serialize(local), Lifetime);
            await redis.SetAddAsync(ServersKey(setId), bus.ServerId);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis is away: the heartbeat writes this server's part again once it is back.
        }
    }

    /// <summary>Renews this server's part of every room it has connections in.</summary>
    public async Task RenewAsync()
    {
        foreach (var setId in connections.Rooms())
        {
            await PublishAsync(setId);
        }
    }

    private static RedisKey Key(long setId, string server) => $"plc:presence:{setId}:{server}";

    private static RedisKey ServersKey(long setId) => $"plc:presence:{setId}:servers";
}

/// <summary>Renews this server's presence in Redis while it runs (<see cref="RoomPresenceBoard"/>).</summary>
public sealed partial class RoomPresenceHeartbeat(RoomPresenceBoard board, ClusterBus bus, ILogger<RoomPresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RoomPresenceBoard.RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false) is true)
        {
            if (bus.Redis is null)
            {
                continue;
            }

            try
            {
                await board.RenewAsync();
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing this server's room presence in Redis failed; it is tried again shortly.")]
    private partial void LogFailed(Exception exception);
}
