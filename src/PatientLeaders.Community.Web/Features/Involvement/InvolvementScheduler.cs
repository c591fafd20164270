using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Involvement.Opportunities;
using PatientLeaders.Community.Web.Features.Involvement.Work;
using PatientLeaders.Community.Web.Infrastructure.Scheduling;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>
/// Sends strong matches and weekly digests, tells applicants and coordinators when a closing date passes with no
/// decision, raises claims left unapproved, ends finished work and reminds organisations to say what changed.
/// </summary>
public sealed class InvolvementScheduler(OpportunityStore opportunities, WorkStore work, TimeProvider clock, IOptions<InvolvementOptions> options, ILogger<InvolvementScheduler> logger, StartDelay startDelay)
    : PollingService(startDelay, clock, logger)
{
    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);

    protected override string JobName => "Involvement";

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        return await opportunities.SendStrongMatchesAsync(settings.StrongMatchScore, ct)
            + await opportunities.SendDigestsAsync(settings.StrongMatchScore, ct)
            + await opportunities.NoticeClosedWithoutDecisionAsync(ct)
            + await work.RunPassAsync(settings.ApprovalDays, settings.ImpactReminderDays, ct);
    }
}
