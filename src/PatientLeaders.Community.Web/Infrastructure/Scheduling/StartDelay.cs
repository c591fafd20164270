using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Infrastructure.Scheduling;

/// <summary>
/// Holds the background jobs back for a while after the site starts (Scheduling:StartDelaySeconds), so that the first
/// pages after a restart are served at once. A job catching up after downtime can keep a core busy for half a minute
/// (on the generated million-post community, the mentoring pass's first run sent 2,000 expiry notices in about 30 s),
/// and nothing the jobs do is due to the second. Real time, not the site's clock: the delay is about the machine's
/// load at start-up, not about the dates the jobs compare.
/// </summary>
public sealed class StartDelay(IOptions<SchedulingOptions> options)
{
    public Task WaitAsync(CancellationToken ct) =>
        options.Value.StartDelaySeconds == 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(options.Value.StartDelaySeconds), ct);
}
