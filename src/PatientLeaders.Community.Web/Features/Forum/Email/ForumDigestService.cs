using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Scheduling;

namespace PatientLeaders.Community.Web.Features.Forum.Email;

/// <summary>Runs <see cref="ForumDigests"/> on a schedule; safe to run on several servers at once.</summary>
public sealed class ForumDigestService(ForumDigests digests, IOptions<ForumDigestOptions> options, StartDelay startDelay, TimeProvider clock, ILogger<ForumDigestService> logger)
    : PollingService(startDelay, clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PollMinutes);

    protected override string JobName => "Forum digests";

    protected override Task<int> RunOnceAsync(CancellationToken ct) => digests.SendDueAsync(ct);
}
