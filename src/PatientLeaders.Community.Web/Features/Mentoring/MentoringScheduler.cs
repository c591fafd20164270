using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Scheduling;

namespace PatientLeaders.Community.Web.Features.Mentoring;

public sealed record MentoringPassResult(int ExpiryNotices, int Reminders, int HandOns, int ClosingSuggestions);

/// <summary>
/// The daily-ish pass that keeps mentoring moving: accreditation expiry notices, reminders, hand-ons and closing-session
/// suggestions. Each step claims its rows with a conditional UPDATE, so running it twice or on two servers never
/// doubles a mail.
/// </summary>
public sealed class MentoringScheduler(MentoringStore requests, RelationshipStore relationships, TimeProvider clock,
    IOptions<MentoringOptions> options, StartDelay startDelay, ILogger<MentoringScheduler> logger) : BackgroundService
{
    public async Task<MentoringPassResult> RunOnceAsync(CancellationToken ct)
    {
        var result = new MentoringPassResult(
            await requests.SendExpiryNoticesAsync(ct),
            await requests.SendRemindersAsync(ct),
            await requests.HandOnUnansweredAsync(ct),
            await relationships.SuggestClosingSessionsAsync(ct));
        logger.LogInformation("Mentoring pass: {Notices} expiry notices, {Reminders} reminders, {HandOns} hand-ons, {Closings} closing suggestions",
            result.ExpiryNotices, result.Reminders, result.HandOns, result.ClosingSuggestions);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startDelay.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Mentoring pass failed; it will try again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
