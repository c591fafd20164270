using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Programmes;

public sealed record ApplicationInput(string Why, string Change, string AccessNeeds, string TakingPartAs = ProgrammeVocabulary.PatientLeader, string Organisation = "");

public sealed record ProgrammePassResult(int Lapsed, int HandedOn, int Reminders, int FinalAnswers);

/// <summary>
/// Applications and places. Nobody waits in silence: every change of status mails the applicant in their language,
/// a freed place goes to the first person waiting at once, unanswered offers lapse and hand on, coordinators are
/// reminded of applications that wait, and everyone still waiting gets a final answer before the cohort starts.
/// Each step changes its row with a conditional UPDATE, so running twice or on two servers never doubles a mail.
/// </summary>
public sealed class ApplicationStore(DbConnectionFactory db, ProgrammeStore programmes, SetStore sets, TrioStore trios, MemberRoleGrants roles, MailOutbox outbox,
    ProgrammeMail mail, TimeProvider clock, IOptions<ProgrammesOptions> options)
{
    /// <summary>False when this member has already applied for this cohort.</summary>
    public async Task<bool> ApplyAsync(CohortView cohort, long memberId, ApplicationInput input, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertApplication, new
            {
                CohortId = cohort.Id, MemberId = memberId, input.Why, input.Change, input.AccessNeeds, input.TakingPartAs, input.Organisation, Now = clock.GetUtcNow(),
            }, tx, cancellationToken: ct));
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            return false;
        }
        var application = await FindOfAsync(connection, tx, cohort.Id, memberId, ct);
        await outbox.EnqueueAsync(connection, tx, mail.Received(application!.Person, cohort), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<ApplicationView>> ForCohortAsync(long cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplicationsOfCohort, new { CohortId = cohortId }, cancellationToken: ct))).AsList();
    }

    public async Task<ApplicationView?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplication, new { Id = id }, cancellationToken: ct));
    }

    public async Task<ApplicationView?> FindOfAsync(long cohortId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindOfAsync(connection, null, cohortId, memberId, ct);
    }

    public async Task<IReadOnlyList<MyApplication>> MineAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<MyApplication>(new CommandDefinition(ProgrammesSql.SelectMyApplications, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Offers a place; false when no place is free or the application has moved on.</summary>
    public async Task<bool> OfferAsync(CohortView cohort, long applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var offered = await OfferAsync(connection, tx, cohort, applicationId, fromWaitingList: false, ct);
        await tx.CommitAsync(ct);
        return offered;
    }

    public async Task<bool> WaitlistAsync(CohortView cohort, long applicationId, CancellationToken ct) =>
        await DecideAsync(ProgrammesSql.PutOnWaitingList, applicationId, null, a => mail.Waiting(a.Person, cohort), ct);

    public async Task<bool> DeclineAsync(CohortView cohort, long applicationId, string message, CancellationToken ct) =>
        await DecideAsync(ProgrammesSql.DeclineApplication, applicationId, message, a => mail.Declined(a.Person, cohort, message), ct);

    /// <summary>
    /// Takes an offered place: the member joins the cohort's set and its discussion area (the cohort's role), and gets
    /// joining instructions with every session.
    /// </summary>
    public async Task<bool> AcceptAsync(CohortView cohort, long applicationId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.AcceptOffer,
            new { Id = applicationId, MemberId = memberId, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }
        var application = await connection.QuerySingleAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplication, new { Id = applicationId }, tx, cancellationToken: ct));
        var sessions = await programmes.SessionsAsync(cohort.Id, ct);
        await outbox.EnqueueAsync(connection, tx, mail.Joining(application.Person, cohort, sessions), ct);
        await roles.GrantAsync(connection, tx, memberId, Roles.ForCohort(cohort.Id), ct);
        await tx.CommitAsync(ct);
        if (cohort.SetId is { } setId)
        {
            await sets.AddMemberAsync(setId, memberId, ct);
        }
        return true;
    }

    /// <summary>Tells everyone taking part, and the facilitators, that dates have moved, with the calendar update.</summary>
    public async Task<int> AnnounceNewDatesAsync(long cohortId, CancellationToken ct)
    {
        var cohort = (await programmes.FindCohortAsync(cohortId, ct))!;
        var sessions = await programmes.SessionsAsync(cohortId, ct);
        var people = (await ForCohortAsync(cohortId, ct)).Where(a => a.Status == ApplicationStatus.Accepted).Select(a => a.Person).ToList();
        await using var connection = await db.OpenAsync(ct);
        people.AddRange(await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(ProgrammesSql.SelectFacilitatorPeople, new { CohortId = cohortId }, cancellationToken: ct)));
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var person in people.DistinctBy(p => p.Id))
        {
            await outbox.EnqueueAsync(connection, tx, mail.DatesChanged(person, cohort, sessions), ct);
        }
        await tx.CommitAsync(ct);
        return people.Count;
    }

    /// <summary>The member withdraws. A place they held goes straight to the first person waiting.</summary>
    public async Task<bool> WithdrawAsync(CohortView cohort, long applicationId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplication, new { Id = applicationId }, cancellationToken: ct));
        if (before is null || before.MemberId != memberId)
        {
            return false;
        }
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.Withdraw, new { Id = applicationId, MemberId = memberId, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) != 1)
            {
                return false;
            }
            await roles.RevokeAsync(connection, tx, memberId, Roles.ForCohort(cohort.Id), ct);
            await tx.CommitAsync(ct);
        }
        if (before.Status == ApplicationStatus.Accepted)
        {
            if (cohort.SetId is { } setId)
            {
                await sets.RemoveMemberAsync(setId, memberId, ct);
            }
            foreach (var trio in (await trios.ForCohortAsync(cohort.Id, ct)).Where(t => t.MemberIds.Contains(memberId)))
            {
                await sets.RemoveMemberAsync(trio.SetId, memberId, ct);
            }
        }
        if (ApplicationStatus.HoldingPlace.Contains(before.Status))
        {
            await HandOnAsync(cohort.Id, ct);
        }
        return true;
    }

    /// <summary>Offers every free place to the people waiting, first on the list first. Returns how many were offered.</summary>
    public async Task<int> HandOnAsync(long cohortId, CancellationToken ct)
    {
        var cohort = await programmes.FindCohortAsync(cohortId, ct);
        if (cohort is null || cohort.HasStarted(clock.GetUtcNow()))
        {
            return 0;
        }
        await using var connection = await db.OpenAsync(ct);
        var offered = 0;
        foreach (var id in await connection.QueryAsync<long>(new CommandDefinition(ProgrammesSql.SelectNextWaiting, new { CohortId = cohortId }, cancellationToken: ct)))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (!await OfferAsync(connection, tx, cohort, id, fromWaitingList: true, ct))
            {
                // Either the cohort is full, or this person's application moved on a moment ago: then try the next.
                await tx.RollbackAsync(ct);
                if ((await programmes.FindCohortAsync(cohortId, ct))!.PlacesLeft == 0)
                {
                    break;
                }
                continue;
            }
            await tx.CommitAsync(ct);
            offered++;
        }
        return offered;
    }

    /// <summary>One pass of the background job.</summary>
    public async Task<ProgrammePassResult> RunPassAsync(CancellationToken ct)
    {
        var (lapsed, handedOn) = await LapseOffersAsync(ct);
        return new ProgrammePassResult(lapsed, handedOn, await RemindCoordinatorsAsync(ct), await SendFinalAnswersAsync(ct));
    }

    private async Task<(int Lapsed, int HandedOn)> LapseOffersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var lapsed = 0;
        var cohorts = new HashSet<long>();
        foreach (var id in (await connection.QueryAsync<long>(new CommandDefinition(ProgrammesSql.SelectLapsedOffers, new { Now = now }, cancellationToken: ct))).AsList())
        {
            // Read first: another connection must not wait on the row this transaction is about to change.
            var application = await connection.QuerySingleAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplication, new { Id = id }, cancellationToken: ct));
            var cohort = (await programmes.FindCohortAsync(application.CohortId, ct))!;
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.LapseOffer, new { Id = id, Now = now }, tx, cancellationToken: ct)) != 1)
            {
                continue;
            }
            await outbox.EnqueueAsync(connection, tx, mail.Lapsed(application.Person, cohort), ct);
            await tx.CommitAsync(ct);
            cohorts.Add(cohort.Id);
            lapsed++;
        }
        var handedOn = 0;
        foreach (var cohortId in cohorts)
        {
            handedOn += await HandOnAsync(cohortId, ct);
        }
        return (lapsed, handedOn);
    }

    private async Task<int> RemindCoordinatorsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<(long Id, long CohortId)>(new CommandDefinition(ProgrammesSql.SelectDueCoordinatorReminders,
            new { Before = now.AddDays(-options.Value.CoordinatorReminderDays) }, cancellationToken: ct))).AsList();
        var sent = 0;
        foreach (var group in due.GroupBy(d => d.CohortId))
        {
            var cohort = (await programmes.FindCohortAsync(group.Key, ct))!;
            await using var tx = await connection.BeginTransactionAsync(ct);
            var claimed = 0;
            foreach (var (id, _) in group)
            {
                claimed += await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.ClaimCoordinatorReminder, new { Id = id, Now = now }, tx, cancellationToken: ct));
            }
            if (claimed == 0)
            {
                continue;
            }
            var waiting = (await connection.QueryAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplicationsOfCohort, new { CohortId = group.Key }, tx, cancellationToken: ct)))
                .Count(a => a.Status == ApplicationStatus.Submitted);
            foreach (var coordinator in await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(ProgrammesSql.SelectProgrammeCoordinators, new { Now = now }, tx, cancellationToken: ct)))
            {
                await outbox.EnqueueAsync(connection, tx, mail.CoordinatorReminder(coordinator, cohort, waiting), ct);
                sent++;
            }
            await tx.CommitAsync(ct);
        }
        return sent;
    }

    private async Task<int> SendFinalAnswersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<long>(new CommandDefinition(ProgrammesSql.SelectDueFinalAnswers,
            new { Horizon = now.AddDays(options.Value.FinalAnswerDays) }, cancellationToken: ct))).AsList();
        var sent = 0;
        foreach (var id in due)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var application = await connection.QuerySingleAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplication, new { Id = id }, tx, cancellationToken: ct));
            var cohort = (await programmes.FindCohortAsync(application.CohortId, ct))!;
            if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.DeclineApplication, new { Id = id, Now = now, Message = "" }, tx, cancellationToken: ct)) != 1)
            {
                continue;
            }
            await outbox.EnqueueAsync(connection, tx, mail.FinalAnswer(application.Person, cohort), ct);
            await tx.CommitAsync(ct);
            sent++;
        }
        return sent;
    }

    private async Task<bool> OfferAsync(DbConnection connection, DbTransaction tx, CohortView cohort, long applicationId, bool fromWaitingList, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now.AddDays(options.Value.OfferDays);
        // An offer made before the start never runs past it: the person must be able to say yes before the first
        // session. One made later (someone joining late) has the usual time.
        if (cohort.StartsAt is { } start && start > now && expiresAt > start)
        {
            expiresAt = start;
        }
        // Offers for one cohort take turns (the cohort row is locked first), so on SQL Server too two offers cannot
        // both see the last place free.
        await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.LockCohort, new { CohortId = cohort.Id }, tx, cancellationToken: ct));
        if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.OfferPlace,
            new { Id = applicationId, CohortId = cohort.Id, Now = now, ExpiresAt = expiresAt }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }
        var application = await connection.QuerySingleAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplication, new { Id = applicationId }, tx, cancellationToken: ct));
        await outbox.EnqueueAsync(connection, tx, mail.Offered(application.Person, cohort, expiresAt, fromWaitingList), ct);
        return true;
    }

    private async Task<bool> DecideAsync(string sql, long applicationId, string? message, Func<ApplicationView, OutgoingMail> toSend, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = applicationId, Now = clock.GetUtcNow(), Message = message }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }
        var application = await connection.QuerySingleAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplication, new { Id = applicationId }, tx, cancellationToken: ct));
        await outbox.EnqueueAsync(connection, tx, toSend(application), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task<ApplicationView?> FindOfAsync(DbConnection connection, DbTransaction? tx, long cohortId, long memberId, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<ApplicationView>(new CommandDefinition(ProgrammesSql.SelectApplicationOf,
            new { CohortId = cohortId, MemberId = memberId }, tx, cancellationToken: ct));

}
