using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Involvement.Work;

public sealed record HoursClaim(DateTimeOffset WorkedOn, int Minutes, string Description);

public sealed record ExpenseClaim(DateTimeOffset WorkedOn, int Pence, string Description, string? ReceiptFileId);

/// <summary>
/// The work after a leader confirms: one ledger of claims (hours and expenses on an engagement, and programme
/// delivery), their approval, and the impact answers. The site records claims and approvals; it never takes payments.
/// </summary>
public sealed class WorkStore(DbConnectionFactory db, MailOutbox outbox, InvolvementMail mail, TimeProvider clock)
{
    public async Task<EngagementView?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<EngagementView>(new CommandDefinition(WorkSql.SelectEngagement, new { Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<EngagementView>> OfMemberAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<EngagementView>(new CommandDefinition(WorkSql.SelectEngagementsOfMember, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<EngagementView>> OfOrganisationsAsync(IReadOnlyList<long> organisationIds, CancellationToken ct)
    {
        if (organisationIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<EngagementView>(new CommandDefinition(WorkSql.SelectEngagementsOfOrganisations, new { OrganisationIds = organisationIds }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<EngagementView>> AllAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<EngagementView>(new CommandDefinition(WorkSql.SelectAllEngagements, cancellationToken: ct))).AsList();
    }

    public async Task<bool> EndAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(WorkSql.EndEngagement, new { Id = id, Now = clock.GetUtcNow() }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<ClaimView>> ClaimsAsync(long engagementId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ClaimView>(new CommandDefinition(WorkSql.SelectClaimsOfEngagement, new { EngagementId = engagementId }, cancellationToken: ct))).AsList();
    }

    public async Task<ClaimView?> FindClaimAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ClaimView>(new CommandDefinition(WorkSql.SelectClaim, new { Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ClaimView>> ClaimsOfMemberAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ClaimView>(new CommandDefinition(WorkSql.SelectClaimsOfMember, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ClaimView>> ApprovedClaimsOfOrganisationAsync(long organisationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ClaimView>(new CommandDefinition(WorkSql.SelectApprovedClaimsOfOrganisation, new { OrganisationId = organisationId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ClaimView>> DeliveryClaimsAsync(long cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ClaimView>(new CommandDefinition(WorkSql.SelectClaimsOfCohort, new { CohortId = cohortId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Hours earn the opportunity's hourly rate only for a leader who chose to be paid; everyone's hours are counted.</summary>
    public Task AddHoursAsync(EngagementView engagement, HoursClaim claim, CancellationToken ct) => InsertAsync(new
    {
        engagement.MemberId, EngagementId = (long?)engagement.Id, CohortId = (long?)null, Kind = ClaimKind.Hours, claim.WorkedOn, claim.Minutes,
        FeePence = engagement.EarnsFee ? (int)Math.Round(claim.Minutes * engagement.HourlyRatePence / 60.0, MidpointRounding.AwayFromZero) : 0,
        ExpensePence = 0, claim.Description, ReceiptFileId = (string?)null, Status = ClaimStatus.Submitted, DecidedAt = (DateTimeOffset?)null, DecidedById = (long?)null,
    }, ct);

    public Task AddExpenseAsync(EngagementView engagement, ExpenseClaim claim, CancellationToken ct) => InsertAsync(new
    {
        engagement.MemberId, EngagementId = (long?)engagement.Id, CohortId = (long?)null, Kind = ClaimKind.Expense, claim.WorkedOn, Minutes = 0, FeePence = 0,
        ExpensePence = claim.Pence, claim.Description, claim.ReceiptFileId, Status = ClaimStatus.Submitted, DecidedAt = (DateTimeOffset?)null, DecidedById = (long?)null,
    }, ct);

    /// <summary>A programme coordinator records a facilitator's or coach's paid delivery: approved as it is recorded, paid by the Centre.</summary>
    public Task RecordDeliveryAsync(long cohortId, long memberId, HoursClaim claim, int feePence, long coordinatorId, CancellationToken ct) => InsertAsync(new
    {
        MemberId = memberId, EngagementId = (long?)null, CohortId = (long?)cohortId, Kind = ClaimKind.Delivery, claim.WorkedOn, claim.Minutes, FeePence = feePence,
        ExpensePence = 0, claim.Description, ReceiptFileId = (string?)null, Status = ClaimStatus.Approved, DecidedAt = (DateTimeOffset?)clock.GetUtcNow(),
        DecidedById = (long?)coordinatorId,
    }, ct);

    private async Task InsertAsync(object args, CancellationToken ct)
    {
        var parameters = Parameters.Merge(args, new { Now = clock.GetUtcNow() });
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(WorkSql.InsertClaim, parameters, cancellationToken: ct));
    }

    /// <summary>The organisation approves a claim, or queries it with a reason the leader is sent. False when it was not waiting.</summary>
    public async Task<bool> DecideAsync(ClaimView claim, bool approve, string reason, long deciderId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(WorkSql.DecideClaim, new
            {
                claim.Id, Status = approve ? ClaimStatus.Approved : ClaimStatus.Queried, QueryReason = approve ? "" : reason, DecidedById = deciderId, Now = clock.GetUtcNow(),
            }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        if (!approve)
        {
            var leader = await connection.QuerySingleAsync<ProgrammePerson>(new CommandDefinition(
                "SELECT Id, Email, DisplayName, Handle, Language FROM Members WHERE Id = @Id", new { Id = claim.MemberId }, tx, cancellationToken: ct));
            await outbox.EnqueueAsync(connection, tx, mail.ClaimQueried(leader, claim.Activity, reason, claim.EngagementId ?? 0), ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> MarkPaidAsync(long claimId, DateTimeOffset paidOn, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(WorkSql.MarkClaimPaid, new { Id = claimId, PaidOn = paidOn }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> TakeBackAsync(long claimId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(WorkSql.DeleteClaim, new { Id = claimId, MemberId = memberId }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<ImpactAnswer>> AnswersAsync(long engagementId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ImpactAnswer>(new CommandDefinition(WorkSql.SelectImpactAnswers, new { EngagementId = engagementId }, cancellationToken: ct))).AsList();
    }

    public async Task AnswerAsync(ImpactAnswer answer, long answeredById, CancellationToken ct)
    {
        var args = new
        {
            answer.EngagementId, answer.Side, answer.DecisionInfluenced, answer.WhatChanged, answer.Adopted, answer.Reflection, AnsweredById = answeredById, Now = clock.GetUtcNow(),
        };
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(WorkSql.UpdateImpactAnswer, args, tx, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(WorkSql.InsertImpactAnswer, args, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(WorkSql.EndEngagement, new { Id = answer.EngagementId, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Ends work past its last day; tells the coordinators about claims left longer than the approval window; and
    /// reminds organisations, every <paramref name="reminderDays"/> days, to say what changed.
    /// </summary>
    public async Task<int> RunPassAsync(int approvalDays, int reminderDays, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var done = 0;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(WorkSql.EndPastEngagements,
            new { Now = now, Today = MentoringDates.ToStored(MentoringDates.Today(clock)) }, cancellationToken: ct));

        var overdue = (await connection.QueryAsync<ClaimView>(new CommandDefinition(WorkSql.SelectOverdueClaims, new { Before = now.AddDays(-approvalDays) }, cancellationToken: ct))).AsList();
        if (overdue.Count > 0)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var coordinators = (await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(ProgrammesSql.SelectProgrammeCoordinators, new { Now = now }, tx, cancellationToken: ct))).AsList();
            foreach (var group in overdue.GroupBy(c => c.Payer ?? ""))
            {
                foreach (var coordinator in coordinators)
                {
                    await outbox.EnqueueAsync(connection, tx, mail.ClaimsOverdue(coordinator, group.Key, group.Count()), ct);
                }
            }
            await connection.ExecuteAsync(new CommandDefinition(WorkSql.MarkOverdueNoticeSent, new { Ids = overdue.Select(c => c.Id).ToList(), Now = now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            done += overdue.Count;
        }

        foreach (var engagement in await connection.QueryAsync<EngagementView>(new CommandDefinition(WorkSql.SelectImpactDue, new { RemindBefore = now.AddDays(-reminderDays) }, cancellationToken: ct)))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var contact in await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(InvolvementSql.SelectContacts,
                new { Role = Accounts.Roles.ForOrganisation(engagement.OrganisationId) }, tx, cancellationToken: ct)))
            {
                await outbox.EnqueueAsync(connection, tx, mail.ImpactReminder(contact, engagement.LeaderName, engagement.OpportunityTitle, engagement.Id), ct);
            }
            await connection.ExecuteAsync(new CommandDefinition(WorkSql.MarkImpactReminded, new { engagement.Id, Now = now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            done++;
        }
        return done;
    }
}
