using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>One participant's attendance across a cohort's sessions, for the register.</summary>
public sealed record RegisterRow(ApplicationView Participant, IReadOnlyDictionary<long, string> Recorded, IReadOnlySet<long> JoinedRoom, Progress Progress);

/// <summary>
/// Running a cohort: the register, coaches, completion, certificates and the sign-off that leads to accreditation.
/// Completion is decided the moment attendance is saved or a coaching call is logged, never in a later batch, and
/// completing gives the certificate and the alumni role in the same transaction.
/// </summary>
public sealed class ParticipationStore(DbConnectionFactory db, ProgrammeStore programmes, ApplicationStore applications, RelationshipStore relationships,
    MentoringStore mentoring, MemberRoleGrants roles, MailOutbox outbox, ProgrammeMail mail, TimeProvider clock)
{
    public async Task<IReadOnlyList<RegisterRow>> RegisterAsync(CohortView cohort, CancellationToken ct)
    {
        var participants = (await applications.ForCohortAsync(cohort.Id, ct)).Where(a => a.Status == ApplicationStatus.Accepted).ToList();
        await using var connection = await db.OpenAsync(ct);
        var recorded = (await connection.QueryAsync<(long SessionId, long MemberId, string Status)>(new CommandDefinition(ProgrammesSql.SelectAttendanceOfCohort,
            new { CohortId = cohort.Id }, cancellationToken: ct))).ToLookup(r => r.MemberId);
        var joins = (await connection.QueryAsync<(long SessionId, long MemberId)>(new CommandDefinition(ProgrammesSql.SelectRoomJoinsOfCohort,
            new { CohortId = cohort.Id }, cancellationToken: ct))).ToLookup(r => r.MemberId);
        var rows = new List<RegisterRow>();
        foreach (var participant in participants)
        {
            var mine = recorded[participant.MemberId].ToDictionary(r => r.SessionId, r => r.Status);
            var joined = joins[participant.MemberId].Select(j => j.SessionId).ToHashSet();
            rows.Add(new RegisterRow(participant, mine, joined, await ProgressAsync(connection, null, cohort, participant, mine, joined, ct)));
        }
        return rows;
    }

    /// <summary>
    /// Saves the register for the sessions that have begun. A newly missed session offers its materials and a catch-up
    /// call once; then each participant's completion is decided.
    /// </summary>
    public async Task SaveRegisterAsync(CohortView cohort, IReadOnlyDictionary<(long SessionId, long MemberId), string?> marks, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = (await programmes.SessionsAsync(cohort.Id, ct)).Where(s => s.StartsAt - CompletionRules.RegisterOpensBefore <= now).ToDictionary(s => s.Id);
        var participants = (await applications.ForCohortAsync(cohort.Id, ct)).Where(a => a.Status == ApplicationStatus.Accepted).ToDictionary(a => a.MemberId);
        await using var connection = await db.OpenAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            foreach (var ((sessionId, memberId), status) in marks)
            {
                if (!sessions.TryGetValue(sessionId, out var session) || !participants.TryGetValue(memberId, out var participant))
                {
                    continue;
                }
                var args = new { SessionId = sessionId, MemberId = memberId, Status = status, Now = now };
                if (status is null)
                {
                    await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.DeleteAttendance, args, tx, cancellationToken: ct));
                    continue;
                }
                if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.UpdateAttendance, args, tx, cancellationToken: ct)) == 0)
                {
                    try
                    {
                        await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertAttendance, args, tx, cancellationToken: ct));
                    }
                    catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
                    {
                        // Another save of the register recorded this mark a moment ago: this one wins.
                        await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.UpdateAttendance, args, tx, cancellationToken: ct));
                    }
                }
                if (CompletionRules.IsMissed(status) && await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.ClaimCatchUp, args, tx, cancellationToken: ct)) == 1)
                {
                    await outbox.EnqueueAsync(connection, tx, mail.CatchUp(participant.Person, cohort, session), ct);
                }
            }
            await tx.CommitAsync(ct);
        }
        foreach (var participant in participants.Values)
        {
            await DecideCompletionAsync(participant.Id, ct);
        }
    }

    /// <summary>Records completion, issues the certificate and grants the alumni role, once, as soon as the rules are met.</summary>
    public async Task<bool> DecideCompletionAsync(long applicationId, CancellationToken ct)
    {
        if (await applications.FindAsync(applicationId, ct) is not { Status: ApplicationStatus.Accepted, CompletedAt: null } participant
            || await programmes.FindCohortAsync(participant.CohortId, ct) is not { } cohort)
        {
            return false;
        }
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var progress = await ProgressAsync(connection, tx, cohort, participant, null, null, ct);
        if (!CompletionRules.IsMet(new ProgrammeRules(cohort.MinSessions, cohort.MinCoachingCalls), progress.SessionsAttended, progress.CoachingCalls)
            || await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.MarkCompleted, new { Id = applicationId, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }
        var code = CertificateCodes.New();
        await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertCertificate, new
        {
            Code = code, ApplicationId = applicationId, participant.MemberId, cohort.ProgrammeTitle, CohortTitle = cohort.Title,
            IssuedName = participant.DisplayName, Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await roles.GrantAsync(connection, tx, participant.MemberId, Roles.AlumniOf(cohort.ProgrammeSlug), ct);
        await outbox.EnqueueAsync(connection, tx, mail.Completed(participant.Person, cohort, code), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<Progress> ProgressAsync(CohortView cohort, ApplicationView participant, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ProgressAsync(connection, null, cohort, participant, null, null, ct);
    }

    /// <summary>Gives a participant their coach: an arranged mentoring relationship whose sessions are the coaching calls.</summary>
    public async Task<bool> AssignCoachAsync(CohortView cohort, ApplicationView participant, ProgrammePerson coach, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var relationshipId = await relationships.StartArrangedAsync(connection, tx, coach.Id, participant.MemberId, ct);
        if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.SetCoach, new { participant.Id, RelationshipId = relationshipId }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }
        await outbox.EnqueueAsync(connection, tx, mail.CoachForParticipant(participant.Person, cohort, coach.DisplayName, relationshipId), ct);
        await outbox.EnqueueAsync(connection, tx, mail.CoachForCoach(coach, cohort, participant.DisplayName, relationshipId), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<string?> CoachNameAsync(long relationshipId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(ProgrammesSql.SelectCoachName, new { RelationshipId = relationshipId }, cancellationToken: ct));
    }

    /// <summary>After a coaching call is logged: the participant whose coaching it was may have just completed.</summary>
    public async Task CoachingCallLoggedAsync(long relationshipId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(ProgrammesSql.SelectApplicationByCoachRelationship,
            new { RelationshipId = relationshipId }, cancellationToken: ct))).AsList();
        foreach (var id in ids)
        {
            await DecideCompletionAsync(id, ct);
        }
    }

    /// <summary>
    /// Observed practice signed off for a graduate of a train-the-facilitator or coach and mentor programme: the
    /// accreditation is recorded in the mentoring network's records for three years, with the role that puts them in
    /// the facilitator or coach pool.
    /// </summary>
    public async Task<bool> SignOffPracticeAsync(ProgrammeView programme, ApplicationView graduate, CancellationToken ct)
    {
        if (!programme.LeadsToAccreditation)
        {
            return false;
        }
        var asFacilitator = programme.Kind == "TrainTheFacilitator";
        await using var connection = await db.OpenAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.MarkPracticeSignedOff, new { graduate.Id, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) != 1)
            {
                return false;
            }
            await roles.GrantAsync(connection, tx, graduate.MemberId, asFacilitator ? Roles.Facilitator : Roles.Mentor, ct);
            await outbox.EnqueueAsync(connection, tx, mail.Accredited(graduate.Person, asFacilitator), ct);
            await tx.CommitAsync(ct);
        }
        var today = MentoringDates.Today(clock);
        await mentoring.AddAccreditationAsync(graduate.MemberId, asFacilitator ? "Facilitator" : "Coach", today, today.AddYears(3), ct);
        return true;
    }

    /// <summary>Catches any completion a failure left undecided; normally there is none.</summary>
    public async Task<int> DecideOutstandingAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(ProgrammesSql.SelectAcceptedWithoutCompletion, cancellationToken: ct))).AsList();
        var completed = 0;
        foreach (var id in ids)
        {
            completed += await DecideCompletionAsync(id, ct) ? 1 : 0;
        }
        return completed;
    }

    private async Task<Progress> ProgressAsync(DbConnection connection, DbTransaction? tx, CohortView cohort, ApplicationView participant,
        IReadOnlyDictionary<long, string>? recorded, IReadOnlySet<long>? joined, CancellationToken ct)
    {
        if (recorded is null || joined is null)
        {
            recorded = (await connection.QueryAsync<(long SessionId, long MemberId, string Status)>(new CommandDefinition(ProgrammesSql.SelectAttendanceOfCohort,
                new { CohortId = cohort.Id }, tx, cancellationToken: ct))).Where(r => r.MemberId == participant.MemberId).ToDictionary(r => r.SessionId, r => r.Status);
            joined = (await connection.QueryAsync<(long SessionId, long MemberId)>(new CommandDefinition(ProgrammesSql.SelectRoomJoinsOfCohort,
                new { CohortId = cohort.Id }, tx, cancellationToken: ct))).Where(r => r.MemberId == participant.MemberId).Select(r => r.SessionId).ToHashSet();
        }
        var sessionIds = recorded.Keys.Concat(joined).Distinct();
        var attended = sessionIds.Count(id => CompletionRules.CountsAsAttended(recorded.GetValueOrDefault(id), joined.Contains(id)));
        var calls = participant.CoachRelationshipId is { } relationshipId
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition(ProgrammesSql.CountCoachingCalls, new { RelationshipId = relationshipId }, tx, cancellationToken: ct))
            : 0;
        return new Progress(attended, Math.Max(1, cohort.MinSessions), calls, cohort.MinCoachingCalls, participant.CompletedAt);
    }

}

/// <summary>Hears from mentoring when a call is logged, and decides completion at once.</summary>
public sealed class CoachingCallListener(IServiceProvider services) : ISessionLoggedListener
{
    // Resolved when called: the participation store itself depends on the mentoring stores.
    public Task SessionLoggedAsync(long relationshipId, CancellationToken ct) =>
        services.GetRequiredService<ParticipationStore>().CoachingCallLoggedAsync(relationshipId, ct);
}
