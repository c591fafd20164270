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

        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Prefix + channel), message);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis is away: act here at least. What ended is already in the database, and every hub call checks
            // the session and membership again, so connections on other servers fail safe at their next call.
            LogPublishFailed(channel, exception);
            await DispatchAsync(channel, message, ct);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            return;
        }

        // Start even when Redis is not there yet; the connection keeps trying in the background.
        var configuration = ConfigurationOptions.Parse(options.Redis);
        configuration.AbortOnConnectFail = false;
        redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var channels = services.GetServices<IClusterMessageHandler>().Select(h => h.Channel).Distinct().ToList();
        var subscriber = redis.GetSubscriber();
        foreach (var channel in channels)
        {
            try
            {
                // Registered here first, so the client subscribes again by itself whenever Redis comes back.
                await subscriber.SubscribeAsync(RedisChannel.Literal(Prefix + channel), (_, message) => { var handled = HandleAsync(channel, message.ToString()); });
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogSubscribeDeferred(channel, exception);
            }
        }

        LogConnected(channels.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task HandleAsync(string channel, string message)
    {
        try
        {
            await DispatchAsync(channel, message, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(channel, exception);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable yet; {Channel} is subscribed when it is.")]
    private partial void LogSubscribeDeferred(string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not carry a server-to-server message on {Channel}; it was handled on this server only.")]
    private partial void LogPublishFailed(string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A server-to-server message on {Channel} failed.")]
    private partial void LogHandlerFailed(string channel, Exception exception);
}
