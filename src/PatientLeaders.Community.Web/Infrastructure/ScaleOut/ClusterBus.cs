using System.Collections.Concurrent;
using StackExchange.Redis;

namespace PatientLeaders.Community.Web.Infrastructure.ScaleOut;

/// <summary>Acts on one kind of message on every server: the server that holds a connection closes it.</summary>
public interface IClusterMessageHandler
{
    string Channel { get; }

    Task HandleAsync(string message, CancellationToken ct);
}

/// <summary>
/// Server-to-server messages for work only the server holding a live connection can do, such as closing it when a
/// session ends or a member leaves a set. With SignalR:Redis set they go over Redis pub/sub to every server, this one
/// included; without it they are handled here at once, so one server behaves exactly as before.
/// </summary>
public sealed partial class ClusterBus(IServiceProvider services, ScaleOutOptions options, ILogger<ClusterBus> logger) : IHostedService, IAsyncDisposable
{
    private const string Prefix = "plc:bus:";

    private readonly ConcurrentDictionary<string, IClusterMessageHandler[]> handlers = new();
    private ConnectionMultiplexer? redis;

    /// <summary>This process, among the servers sharing Redis.</summary>
    public string ServerId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The shared Redis database, for state every server must see; null with one server.</summary>
    public IDatabase? Redis => redis?.GetDatabase();

    public async Task PublishAsync(string channel, string message, CancellationToken ct)
    {
        if (redis is null)
        {
            await DispatchAsync(channel, message, ct);
            return;
        }

        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Prefix + channel), message);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            return;
        }

        redis = await ConnectionMultiplexer.ConnectAsync(options.Redis);
        var channels = services.GetServices<IClusterMessageHandler>().Select(h => h.Channel).Distinct();
        foreach (var channel in channels)
        {
            var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Prefix + channel));
            // In order, one at a time per channel, off Redis's own thread.
            queue.OnMessage(async message =>
            {
                try
                {
                    await DispatchAsync(channel, message.Message.ToString(), CancellationToken.None);
                }
                catch (Exception exception)
                {
                    LogHandlerFailed(channel, exception);
                }
            });
        }

        LogConnected(channels.Count());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
        {
            await redis.CloseAsync();
            redis.Dispose();
        }
    }

    private async Task DispatchAsync(string channel, string message, CancellationToken ct)
    {
        var forChannel = handlers.GetOrAdd(channel, c => services.GetServices<IClusterMessageHandler>().Where(h => h.Channel == c).ToArray());
        foreach (var handler in forChannel)
        {
            await handler.HandleAsync(message, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Server-to-server messages go through Redis: {Channels} channels.")]
    private partial void LogConnected(int channels);

    [LoggerMessage(Level = LogLevel.Error, Message = "A server-to-server message on {Channel} failed.")]
    private partial void LogHandlerFailed(string channel, Exception exception);
}
