using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// Delivers due outbox rows. Each row is claimed with a lease just before it is sent, so several senders
/// (several instances of the site) share the work without sending a row twice while a lease is live.
/// </summary>
/// <remarks>
/// Delivery is at-least-once: if the process dies after the transport accepted a message but before SentAt is
/// written, the lease lapses and another pass sends it again. The window is one UPDATE, written without the
/// shutdown token; the stable Message-ID lets receivers spot the duplicate.
/// </remarks>
public sealed partial class OutboxSender(
    MailOutbox outbox,
    IMailTransport transport,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int MaxErrorLength = 1000;

    /// <summary>Identifies this sender in MailOutbox.LeaseOwner.</summary>
    public string OwnerId { get; } = CreateOwnerId();

    /// <summary>One pass: claims and sends up to BatchSize due rows. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct) => (await RunPassAsync(ct)).Sent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        if (!settings.SenderEnabled)
        {
            LogDisabled();
            return;
        }
        LogStarted(settings.Transport, OwnerId);
        if (transport is PickupFolderMailTransport pickup)
        {
            // Once, in full: with the pickup transport nothing leaves the machine, and this is where to read it.
            LogPickupFolder(pickup.Folder);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = (await RunPassAsync(stoppingToken)).Claimed;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
            }
            if (claimed >= settings.BatchSize)
            {
                continue;
            }
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(settings.PollIntervalSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<(int Claimed, int Sent)> RunPassAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var ids = await outbox.SelectDueIdsAsync(clock.GetUtcNow(), settings.BatchSize, ct);
        int claimed = 0, sent = 0;
        try
        {
            foreach (var id in ids)
            {
                // Claimed one at a time, right before sending, so the lease only has to cover one send.
                var now = clock.GetUtcNow();
                var message = await outbox.TryClaimAsync(id, OwnerId, now, now.AddSeconds(settings.LeaseSeconds), ct);
                if (message is null)
                {
                    continue;
                }
                claimed++;
                if (await TrySendAsync(message, settings, ct))
                {
                    sent++;
                }
            }
        }
        finally
        {
            // A transport that kept one connection for the batch closes it.
            await transport.EndBatchAsync(CancellationToken.None);
        }
        return (claimed, sent);
    }

    private async Task<bool> TrySendAsync(OutboxMessage message, MailOptions settings, CancellationToken ct)
    {
        Exception? failure;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(settings.SendTimeout);
            try
            {
                await transport.SendAsync(message, timeout.Token);
                failure = null;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down mid-send: we cannot know whether it went out. The lease lapses and a later pass retries.
                throw;
            }
            catch (OperationCanceledException exception)
            {
                failure = new TimeoutException($"No answer within {settings.SendTimeout.TotalSeconds:0} s.", exception);
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }
        if (failure is not null)
        {
            await RecordFailureAsync(message, settings, failure, ct);
            return false;
        }
        // Outside the catch above: if this write fails the mail is out but not marked, and recording a
        // "failure" would schedule a deliberate duplicate. The pass fails instead; the lease lapses (at-least-once).
        // Not cancellable by shutdown, to keep the window between send and mark as small as it can be.
        await outbox.MarkSentAsync(message.Id, clock.GetUtcNow(), CancellationToken.None);
        LogSent(message.Id, message.Attempts + 1);
        return true;
    }

    private async Task RecordFailureAsync(OutboxMessage message, MailOptions settings, Exception failure, CancellationToken ct)
    {
        var attempts = message.Attempts + 1;
        var now = clock.GetUtcNow();
        // A message the transport refuses to build (bad header, bad address) will never get better.
        var permanent = failure is ArgumentException or FormatException or MailRejectedException;
        var givenUp = permanent || attempts >= settings.MaxAttempts;
        var nextAttemptAt = givenUp ? now : now + RetryDelay(attempts, settings);
        await outbox.RecordFailureAsync(
            message.Id, OwnerId, attempts, nextAttemptAt, givenUp ? now : null, Describe(failure), ct);
        if (givenUp)
        {
            LogGaveUp(message.Id, attempts, failure);
        }
        else
        {
            LogWillRetry(message.Id, attempts, nextAttemptAt, failure);
        }
    }

    /// <summary>BaseRetrySeconds × 2^(attempts − 1), capped at MaxRetrySeconds.</summary>
    public static TimeSpan RetryDelay(int attempts, MailOptions settings)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var seconds = Math.Min(settings.BaseRetrySeconds * Math.Pow(2, exponent), settings.MaxRetrySeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Type and message only, never the body; SMTP replies and our validation messages carry no content.</summary>
    private static string Describe(Exception failure)
    {
        var text = failure.GetType().Name + ": " + failure.Message;
        if (failure.InnerException is { } inner)
        {
            text += " (" + inner.GetType().Name + ": " + inner.Message + ")";
        }
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    private static string CreateOwnerId()
    {
        var id = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return id.Length <= 100 ? id : id[^100..];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail sender started: transport {Transport}, owner {Owner}.")]
    private partial void LogStarted(string transport, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is written as .eml files to {Folder} (Mail:Transport = PickupFolder); nothing is sent.")]
    private partial void LogPickupFolder(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail sender is off here (Mail:SenderEnabled = false).")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent outbox mail {OutboxId} (attempt {Attempt}).")]
    private partial void LogSent(long outboxId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox mail {OutboxId} failed (attempt {Attempt}); next try at {NextAttemptAt}.")]
    private partial void LogWillRetry(long outboxId, int attempt, DateTimeOffset nextAttemptAt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on outbox mail {OutboxId} after {Attempt} attempt(s).")]
    private partial void LogGaveUp(long outboxId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail sender pass failed; retrying after the poll interval.")]
    private partial void LogPassFailed(Exception exception);
}
