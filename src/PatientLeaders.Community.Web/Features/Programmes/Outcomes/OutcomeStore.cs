using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Programmes.Outcomes;

public sealed record OutcomeItem
{
    public long Id { get; init; }
    public long ProgrammeId { get; init; }
    public int Position { get; init; }
    public string Text { get; init; } = "";
    public bool IsRetired { get; init; }
}

public sealed record OutcomeResponse
{
    public long Id { get; init; }
    public long ApplicationId { get; init; }
    public string Timepoint { get; init; } = "";
    public DateTimeOffset InvitedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public int? GseTotal { get; init; }
    public double? ConfidenceMean { get; init; }
    public string FollowUps { get; init; } = "";
    public long MemberId { get; init; }
    public long CohortId { get; init; }
    public string CohortTitle { get; init; } = "";
    public string ProgrammeTitle { get; init; } = "";
    public long ProgrammeId { get; init; }
}

/// <summary>A submitted questionnaire as reports see it: an application id, never a name.</summary>
public sealed record SubmittedOutcome(long ApplicationId, long CohortId, string Timepoint, int? GseTotal, double? ConfidenceMean, string FollowUps);

public sealed record OutcomeAnswersInput(IReadOnlyList<int> Gse, IReadOnlyDictionary<long, int> Confidence, IReadOnlyList<string> FollowUps);

/// <summary>
/// Outcome questionnaires: the programme's confidence items, invitations as each time point falls due (in the
/// participant's language), and answers, which only the participant ever sees one by one.
/// </summary>
public sealed class OutcomeStore(DbConnectionFactory db, MailOutbox outbox, ProgrammeMail mail, ApplicationStore applications, ProgrammeStore programmes, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutcomeItem>> ItemsAsync(long programmeId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OutcomeItem>(new CommandDefinition(ProgrammesSql.SelectOutcomeItems, new { ProgrammeId = programmeId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Rewords or retires existing items and adds a new one; retired items keep their past answers.</summary>
    public async Task SaveItemsAsync(long programmeId, IReadOnlyList<(long Id, string Text, bool Retired)> changes, string? added, CancellationToken ct)
    {
        var existing = await ItemsAsync(programmeId, ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var (id, text, retired) in changes.Where(c => existing.Any(e => e.Id == c.Id)))
        {
            await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.UpdateOutcomeItem,
                new { Id = id, ProgrammeId = programmeId, Text = text, IsRetired = retired }, tx, cancellationToken: ct));
        }
        if (!string.IsNullOrWhiteSpace(added))
        {
            await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertOutcomeItem,
                new { ProgrammeId = programmeId, Position = existing.Count + 1, Text = added.Trim() }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Invites each participant to every questionnaire that has fallen due, once.</summary>
    public async Task<int> InviteDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var invited = (await connection.QueryAsync<(long ApplicationId, string Timepoint)>(new CommandDefinition(ProgrammesSql.SelectInvitedTimepoints, cancellationToken: ct)))
            .ToHashSet();
        var participants = await connection.QueryAsync<(long ApplicationId, DateTimeOffset AcceptedAt, DateTimeOffset EndsAt, DateTimeOffset LastSessionStarts)>(
            new CommandDefinition(ProgrammesSql.SelectParticipantsForInvitations, cancellationToken: ct));
        var sent = 0;
        foreach (var (applicationId, acceptedAt, endsAt, lastSessionStarts) in participants)
        {
            foreach (var (timepoint, _) in OutcomeInstrument.Timepoints)
            {
                var due = OutcomeInstrument.DueAt(timepoint, acceptedAt, lastSessionStarts, endsAt);
                // A start questionnaire is only worth asking before the programme is over.
                var tooLate = timepoint == OutcomeInstrument.Start && now > endsAt;
                if (due > now || tooLate || invited.Contains((applicationId, timepoint)))
                {
                    continue;
                }
                var application = (await applications.FindAsync(applicationId, ct))!;
                var cohort = (await programmes.FindCohortAsync(application.CohortId, ct))!;
                await using var tx = await connection.BeginTransactionAsync(ct);
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertInvitation,
                        new { ApplicationId = applicationId, Timepoint = timepoint, Now = now }, tx, cancellationToken: ct));
                }
                catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
                {
                    continue;
                }
                await outbox.EnqueueAsync(connection, tx, mail.OutcomeInvitation(application.Person, cohort, applicationId, timepoint), ct);
                await tx.CommitAsync(ct);
                sent++;
            }
        }
        return sent;
    }

    public async Task<OutcomeResponse?> FindAsync(long applicationId, string timepoint, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<OutcomeResponse>(new CommandDefinition(ProgrammesSql.SelectResponse,
            new { ApplicationId = applicationId, Timepoint = timepoint }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<OutcomeResponse>> MineAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OutcomeResponse>(new CommandDefinition(ProgrammesSql.SelectResponsesOfMember, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Stores the answers once; false if this questionnaire was already answered.</summary>
    public async Task<bool> SubmitAsync(OutcomeResponse response, OutcomeAnswersInput answers, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.CompleteResponse, new
        {
            response.Id, Now = clock.GetUtcNow(), GseTotal = answers.Gse.Sum(),
            ConfidenceMean = answers.Confidence.Count == 0 ? (double?)null : answers.Confidence.Values.Average(),
            FollowUps = string.Join(',', answers.FollowUps),
        }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }
        for (var i = 0; i < answers.Gse.Count; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertAnswer, new { ResponseId = response.Id, ItemKey = $"gse{i + 1}", Value = answers.Gse[i] }, tx, cancellationToken: ct));
        }
        foreach (var (itemId, value) in answers.Confidence)
        {
            await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertAnswer, new { ResponseId = response.Id, ItemKey = $"c{itemId}", Value = value }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<SubmittedOutcome>> SubmittedAsync(IReadOnlyCollection<long> cohortIds, CancellationToken ct)
    {
        if (cohortIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SubmittedRow>(new CommandDefinition(ProgrammesSql.SelectSubmittedForCohorts,
            new { CohortIds = cohortIds.ToList() }, cancellationToken: ct)))
            .Select(r => new SubmittedOutcome(r.ApplicationId, r.CohortId, r.Timepoint, r.GseTotal, r.ConfidenceMean, r.FollowUps)).ToList();
    }

    private sealed record SubmittedRow
    {
        public long ApplicationId { get; init; }
        public long CohortId { get; init; }
        public string Timepoint { get; init; } = "";
        public int? GseTotal { get; init; }
        public double? ConfidenceMean { get; init; }
        public string FollowUps { get; init; } = "";
    }
}
