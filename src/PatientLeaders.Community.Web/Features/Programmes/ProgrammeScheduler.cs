using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Infrastructure.Scheduling;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// Lapses unanswered offers and hands their places on, reminds coordinators, sends final answers, and decides any
/// completion a failed request left undecided (completion is otherwise decided at once), and invites participants to
/// each outcome questionnaire as it falls due.
/// </summary>
public sealed class ProgrammeScheduler(ApplicationStore applications, ParticipationStore participation, Outcomes.OutcomeStore outcomes, TimeProvider clock, IOptions<ProgrammesOptions> options, ILogger<ProgrammeScheduler> logger, StartDelay startDelay)
    : PollingService(startDelay, clock, logger)
{
    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);

    protected override string JobName => "Programme places";

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var result = await applications.RunPassAsync(ct);
        return result.Lapsed + result.HandedOn + result.Reminders + result.FinalAnswers + await participation.DecideOutstandingAsync(ct)
            + await outcomes.InviteDueAsync(ct);
    }
}
