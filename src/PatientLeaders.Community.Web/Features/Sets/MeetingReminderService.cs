using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Scheduling;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>Queues meeting reminders in the mail outbox; the outbox sender delivers them.</summary>
public sealed partial class MeetingReminderService(MeetingStore meetings, IOptions<SetsOptions> options, StartDelay startDelay, TimeProvider clock, ILogger<MeetingReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.RemindersEnabled)
        {
            return;
        }
        try
        {
            await startDelay.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queued = await meetings.QueueDueRemindersAsync(stoppingToken);
                if (queued > 0)
                {
                    LogQueued(queued);
                }
                else
                {
                    LogNoneDue();
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
                await Task.Delay(TimeSpan.FromSeconds(options.Value.ReminderPollSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued reminders for {Count} meeting(s)")]
    private partial void LogQueued(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No meeting reminders due")]
    private partial void LogNoneDue();

    [LoggerMessage(Level = LogLevel.Error, Message = "Queuing meeting reminders failed")]
    private partial void LogFailed(Exception exception);
}
