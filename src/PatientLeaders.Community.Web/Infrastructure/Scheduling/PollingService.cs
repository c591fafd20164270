namespace PatientLeaders.Community.Web.Infrastructure.Scheduling;

/// <summary>
/// A background job that runs a pass, waits, and runs again until the host stops. A failed pass is logged and retried
/// on the next interval; it never stops the loop. Passes must be safe to run on several servers at once. The first
/// pass waits for the <see cref="StartDelay"/>.
/// </summary>
public abstract class PollingService(StartDelay startDelay, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>False: the job does not run in this process.</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Names the job in the log.</summary>
    protected abstract string JobName { get; }

    /// <summary>One pass; returns how many things it did, for the log.</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!Enabled)
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
                var done = await RunOnceAsync(stoppingToken);
                if (done > 0)
                {
                    PollingLog.Done(logger, JobName, done);
                }
                else
                {
                    PollingLog.NothingDue(logger, JobName);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                PollingLog.Failed(logger, JobName, exception);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
