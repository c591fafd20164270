using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>Runs <see cref="ForumDigests"/> on a schedule; safe to run on several servers at once.</summary>
public sealed partial class ForumDigestService(ForumDigests digests, IOptions<ForumDigestOptions> options, TimeProvider clock, ILogger<ForumDigestService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queued = await digests.SendDueAsync(stoppingToken);
                if (queued > 0)
                {
                    LogQueued(queued);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(exception);
            }
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(options.Value.PollMinutes), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} forum digest(s)")]
    private partial void LogQueued(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending forum digests failed")]
    private partial void LogFailed(Exception exception);
}
