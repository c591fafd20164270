using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Profiles;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Involvement.Opportunities;

/// <summary>
/// Opportunities and applications. An organisation writes an opportunity and sends it for approval; leaders see it
/// only once a coordinator approves it, and any later edit goes back for approval. Each decision, and each share of
/// health data, is written with its email in one transaction, so nobody is left without word.
/// </summary>
public sealed class OpportunityStore(DbConnectionFactory db, ProfileStore profiles, MailOutbox outbox, InvolvementMail mail, TimeProvider clock)
{
    private DateTimeOffset Today => MentoringDates.ToStored(MentoringDates.Today(clock));

    // Read on every member's home and the opportunities list, the same for everyone: kept until a write to the
    // opportunities, their organisations or their applications moves the counter, or the day changes.
    private readonly CountedValue<IReadOnlyList<OpportunityView>> open = new(ChangeCounters.OpenOpportunities);

    public async Task<OpportunityView?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindAsync(connection, null, id, ct);
    }

    private static Task<OpportunityView?> FindAsync(DbConnection connection, DbTransaction? tx, long id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<OpportunityView>(new CommandDefinition(InvolvementSql.SelectOpportunity, new { Id = id }, tx, cancellationToken: ct));

    public async Task<IReadOnlyList<OpportunityView>> OpenAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var today = Today;
        return await open.GetAsync(connection, today, async () =>
            (await connection.QueryAsync<OpportunityView>(new CommandDefinition(InvolvementSql.SelectOpenOpportunities, new { Today = today }, cancellationToken: ct))).AsList(), ct);
    }

    public async Task<IReadOnlyList<OpportunityView>> OfOrganisationsAsync(IReadOnlyList<long> organisationIds, CancellationToken ct)
    {
        if (organisationIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OpportunityView>(new CommandDefinition(InvolvementSql.SelectOpportunitiesOfOrganisations,
            new { OrganisationIds = organisationIds }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<OpportunityView>> WithStatusAsync(string status, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OpportunityView>(new CommandDefinition(InvolvementSql.SelectOpportunitiesByStatus, new { Status = status }, cancellationToken: ct))).AsList();
    }

    /// <summary>Saves it as a draft, or sends it to the coordinators for approval; returns its id.</summary>
    public async Task<long> CreateAsync(OpportunityEdit edit, bool submit, long authorId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InvolvementSql.InsertOpportunity + db.Dialect.SelectInsertedId,
            Args(edit, submit ? OpportunityStatus.Submitted : OpportunityStatus.Draft, new { CreatedById = authorId }), tx, cancellationToken: ct));
        if (submit)
        {
            await TellCoordinatorsAsync(connection, tx, id, ct);
        }
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>False when it has closed. An approved opportunity that is changed goes back for approval.</summary>
    public async Task<bool> UpdateAsync(long id, OpportunityEdit edit, bool submit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.UpdateOpportunity,
            Args(edit, submit ? OpportunityStatus.Submitted : OpportunityStatus.Draft, new { Id = id }), tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        if (submit)
        {
            await TellCoordinatorsAsync(connection, tx, id, ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private Dictionary<string, object?> Args(OpportunityEdit e, string status, object extra) => Parameters.Merge(new
    {
        e.OrganisationId, e.Title, e.Kind, e.Difference, e.TimeCommitment, e.StartsOn, e.EndsOn, e.Place, e.Venue, e.Region, e.PaymentLevel,
        e.HourlyRatePence, e.Expenses, e.Support, e.ExperienceSought, e.Themes, e.PeopleWanted, e.ClosesOn, e.ContactName, e.ContactEmail, Status = status,
        Now = clock.GetUtcNow(),
    }, extra);

    private async Task TellCoordinatorsAsync(DbConnection connection, DbTransaction tx, long id, CancellationToken ct)
    {
        var opportunity = (await FindAsync(connection, tx, id, ct))!;
        foreach (var coordinator in await CoordinatorsAsync(connection, tx, ct))
        {
            await outbox.EnqueueAsync(connection, tx, mail.WaitingForApproval(coordinator, opportunity), ct);
        }
    }

    private async Task<IEnumerable<ProgrammePerson>> CoordinatorsAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(ProgrammesSql.SelectProgrammeCoordinators, new { Now = clock.GetUtcNow() }, tx, cancellationToken: ct));

    private static async Task<IEnumerable<ProgrammePerson>> ContactsAsync(DbConnection connection, DbTransaction tx, long organisationId, CancellationToken ct) =>
        await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(InvolvementSql.SelectContacts,
            new { Role = Accounts.Roles.ForOrganisation(organisationId) }, tx, cancellationToken: ct));

    /// <summary>A coordinator approves it for the pool, or returns it with a note; false when it was not waiting.</summary>
    public async Task<bool> ReviewAsync(long id, bool approve, string note, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.ReviewOpportunity, new
            {
                Id = id, Status = approve ? OpportunityStatus.Approved : OpportunityStatus.Returned, ReviewNote = note, Now = clock.GetUtcNow(),
            }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        var opportunity = (await FindAsync(connection, tx, id, ct))!;
        foreach (var contact in await ContactsAsync(connection, tx, opportunity.OrganisationId, ct))
        {
            await outbox.EnqueueAsync(connection, tx, mail.Reviewed(contact, opportunity, approve, note), ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task CloseAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.CloseOpportunity, new { Id = id, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    // Applications

    public async Task<ApplicantView?> FindApplicationAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectApplicant, new { Id = id }, cancellationToken: ct));
    }

    public async Task<ApplicantView?> FindApplicationAsync(long opportunityId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectApplicantOf,
            new { OpportunityId = opportunityId, MemberId = memberId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ApplicantView>> ApplicantsAsync(long opportunityId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectApplicantsOfOpportunity,
            new { OpportunityId = opportunityId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ApplicantView>> ApplicationsOfAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectApplicationsOfMember,
            new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<SharingRecord>> SharingOfAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SharingRecord>(new CommandDefinition(InvolvementSql.SelectSharingOfMember,
            new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Applies, copying to this application only what the leader ticked to share, and recording each share. False
    /// when they had already applied.
    /// </summary>
    public async Task<bool> ApplyAsync(OpportunityView opportunity, PoolProfile leader, ApplicationChoice choice, CancellationToken ct)
    {
        var lived = "";
        if (choice.ShareLivedExperience && await profiles.LivedExperienceForViewerAsync(leader.MemberId, leader.MemberId, ct) is { } experience)
        {
            lived = string.Join("\n\n", new[] { experience.Conditions, experience.ServicesUsed }.Where(t => t.Length > 0));
        }
        var needs = choice.ShareAccessNeeds ? leader.AccessNeeds : "";
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InvolvementSql.InsertApplication + db.Dialect.SelectInsertedId, new
            {
                OpportunityId = opportunity.Id, leader.MemberId, choice.Statement, leader.Payment, SharedLivedExperience = lived, SharedAccessNeeds = needs, Now = now,
            }, tx, cancellationToken: ct));
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            return false;
        }
        foreach (var (what, text) in new[] { (InvolvementVocabulary.LivedExperience, lived), (InvolvementVocabulary.AccessNeeds, needs) })
        {
            if (text.Length > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.InsertSharing, new
                {
                    ApplicationId = id, leader.MemberId, opportunity.OrganisationId, What = what, Action = "Shared", Now = now,
                }, tx, cancellationToken: ct));
            }
        }
        var application = (await connection.QuerySingleAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectApplicant, new { Id = id }, tx, cancellationToken: ct)));
        await outbox.EnqueueAsync(connection, tx, mail.Received(Person(application), opportunity), ct);
        foreach (var contact in await ContactsAsync(connection, tx, opportunity.OrganisationId, ct))
        {
            await outbox.EnqueueAsync(connection, tx, mail.NewApplicant(contact, opportunity), ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Takes back what was shared with one application, and records that it was taken back.</summary>
    public async Task<bool> UnshareAsync(ApplicantView application, string what, CancellationToken ct)
    {
        var statement = what == InvolvementVocabulary.LivedExperience ? InvolvementSql.UnshareLivedExperience : InvolvementSql.UnshareAccessNeeds;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(statement, new { application.Id, application.MemberId }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.InsertSharing, new
        {
            ApplicationId = application.Id, application.MemberId, application.OrganisationId, What = what, Action = "Withdrawn", Now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The organisation's decision: shortlist, select (the leader is asked to confirm) or not chosen (told kindly,
    /// with the feedback given). False when the application had already moved on.
    /// </summary>
    public async Task<bool> DecideAsync(ApplicantView application, OpportunityView opportunity, string status, string feedback, CancellationToken ct)
    {
        string[] from = status switch
        {
            ApplicantStatus.Shortlisted => [ApplicantStatus.Applied],
            ApplicantStatus.Selected => [ApplicantStatus.Applied, ApplicantStatus.Shortlisted],
            ApplicantStatus.NotChosen => [ApplicantStatus.Applied, ApplicantStatus.Shortlisted, ApplicantStatus.Selected],
            _ => [],
        };
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (from.Length == 0 || await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.DecideApplication, new
            {
                application.Id, Status = status, Feedback = feedback, From = from, Now = clock.GetUtcNow(),
            }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        if (status == ApplicantStatus.Selected)
        {
            await outbox.EnqueueAsync(connection, tx, mail.Selected(Person(application), opportunity), ct);
        }
        else if (status == ApplicantStatus.NotChosen)
        {
            await outbox.EnqueueAsync(connection, tx, mail.NotChosen(Person(application), opportunity, feedback), ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The leader confirms: the work becomes an engagement. Once as many have confirmed as were wanted, the
    /// opportunity closes and everyone still waiting is told kindly. Returns the engagement's id, or null.
    /// </summary>
    public async Task<long?> ConfirmAsync(long applicationId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        if (await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.ConfirmApplication, new { Id = applicationId, MemberId = memberId, Now = now }, tx, cancellationToken: ct)) == 0)
        {
            return null;
        }
        var engagementId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InvolvementSql.InsertEngagement + db.Dialect.SelectInsertedId,
            new { Id = applicationId, Now = now }, tx, cancellationToken: ct));
        var application = await connection.QuerySingleAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectApplicant, new { Id = applicationId }, tx, cancellationToken: ct));
        var opportunity = (await FindAsync(connection, tx, application.OpportunityId, ct))!;
        foreach (var contact in await ContactsAsync(connection, tx, opportunity.OrganisationId, ct))
        {
            await outbox.EnqueueAsync(connection, tx, mail.Confirmed(contact, opportunity, application.DisplayName), ct);
        }
        if (opportunity.Confirmed >= opportunity.PeopleWanted)
        {
            await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.CloseOpportunity, new { opportunity.Id, Now = now }, tx, cancellationToken: ct));
            foreach (var waiting in await connection.QueryAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectWaitingApplicants,
                new { OpportunityId = opportunity.Id }, tx, cancellationToken: ct)))
            {
                await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.DecideApplication, new
                {
                    waiting.Id, Status = ApplicantStatus.NotChosen, Feedback = "", From = ApplicantStatus.Waiting, Now = now,
                }, tx, cancellationToken: ct));
                await outbox.EnqueueAsync(connection, tx, mail.NotChosen(Person(waiting), opportunity, ""), ct);
            }
        }
        await tx.CommitAsync(ct);
        return engagementId;
    }

    /// <summary>Withdrawing takes back anything shared with the application, and records that it was taken back.</summary>
    public async Task<bool> WithdrawAsync(long applicationId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var application = await connection.QuerySingleOrDefaultAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectApplicant, new { Id = applicationId }, tx, cancellationToken: ct));
        if (application is null || application.MemberId != memberId || await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.WithdrawApplication,
            new { Id = applicationId, MemberId = memberId, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        foreach (var (what, text) in new[] { (InvolvementVocabulary.LivedExperience, application.SharedLivedExperience), (InvolvementVocabulary.AccessNeeds, application.SharedAccessNeeds) })
        {
            if (text.Length > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.InsertSharing, new
                {
                    ApplicationId = application.Id, application.MemberId, application.OrganisationId, What = what, Action = "Withdrawn", Now = clock.GetUtcNow(),
                }, tx, cancellationToken: ct));
            }
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static ProgrammePerson Person(ApplicantView a) => new() { Id = a.MemberId, Email = a.Email, DisplayName = a.DisplayName, Handle = a.Handle, Language = a.Language };

    // The background pass

    /// <summary>
    /// Tells everyone still waiting on an opportunity whose closing date has passed without a decision, and the
    /// coordinators, once.
    /// </summary>
    public async Task<int> NoticeClosedWithoutDecisionAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var due = (await connection.QueryAsync<OpportunityView>(new CommandDefinition(InvolvementSql.SelectClosedWithoutDecision, new { Today }, cancellationToken: ct))).AsList();
        var sent = 0;
        foreach (var opportunity in due)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.MarkClosingNoticeSent, new { opportunity.Id, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) == 0)
            {
                continue;
            }
            foreach (var waiting in await connection.QueryAsync<ApplicantView>(new CommandDefinition(InvolvementSql.SelectWaitingApplicants,
                new { OpportunityId = opportunity.Id }, tx, cancellationToken: ct)))
            {
                await outbox.EnqueueAsync(connection, tx, mail.NoDecisionYet(Person(waiting), opportunity), ct);
                sent++;
            }
            foreach (var coordinator in await CoordinatorsAsync(connection, tx, ct))
            {
                await outbox.EnqueueAsync(connection, tx, mail.NoDecisionCoordinator(coordinator, opportunity), ct);
            }
            await tx.CommitAsync(ct);
        }
        return sent;
    }

    /// <summary>Strong matches of each newly approved opportunity, by email at once for those who want email at once.</summary>
    public async Task<int> SendStrongMatchesAsync(int strongScore, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var fresh = (await connection.QueryAsync<OpportunityView>(new CommandDefinition(InvolvementSql.SelectUnmatchedOpportunities, new { Today }, cancellationToken: ct))).AsList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        var pool = (await connection.QueryAsync<PoolReader>(new CommandDefinition(InvolvementSql.SelectPoolForMatching, new { Now = clock.GetUtcNow() }, cancellationToken: ct))).AsList();
        var sent = 0;
        foreach (var opportunity in fresh)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.MarkMatchesSent, new { opportunity.Id, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)) == 0)
            {
                continue;
            }
            if (opportunity.OrganisationActive)
            {
                var contacts = (await ContactsAsync(connection, tx, opportunity.OrganisationId, ct)).Select(c => c.Id).ToHashSet();
                foreach (var reader in pool.Where(r => r.EmailImmediately && !contacts.Contains(r.MemberId)))
                {
                    var match = OpportunityMatcher.Score(reader.Profile, opportunity);
                    if (match.Score >= strongScore)
                    {
                        await outbox.EnqueueAsync(connection, tx, mail.StrongMatch(reader.Person, opportunity, match), ct);
                        sent++;
                    }
                }
            }
            await tx.CommitAsync(ct);
        }
        return sent;
    }

    /// <summary>
    /// The weekly digest, for members with any digest on: every opportunity approved since the last one that they
    /// were not already emailed about at once, best match first.
    /// </summary>
    public async Task<int> SendDigestsAsync(int strongScore, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var pool = (await connection.QueryAsync<PoolReader>(new CommandDefinition(InvolvementSql.SelectPoolForMatching, new { Now = now }, cancellationToken: ct))).AsList();
        var sent = 0;
        foreach (var reader in pool.Where(r => r.DigestFrequency != Accounts.DigestFrequencies.Off && (r.DigestSentAt ?? r.JoinedAt) <= now.AddDays(-7)))
        {
            var since = reader.DigestSentAt ?? reader.JoinedAt;
            var items = (await connection.QueryAsync<OpportunityView>(new CommandDefinition(InvolvementSql.SelectApprovedSince, new { Since = since, Today }, cancellationToken: ct)))
                .Select(o => (Opportunity: o, Match: OpportunityMatcher.Score(reader.Profile, o)))
                .Where(i => !(reader.EmailImmediately && i.Match.Score >= strongScore))
                .OrderByDescending(i => i.Match.Score).ThenBy(i => i.Opportunity.ClosesOn).ToList();
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.MarkDigestSent, new { reader.MemberId, Now = now }, tx, cancellationToken: ct));
            if (items.Count > 0)
            {
                await outbox.EnqueueAsync(connection, tx, mail.Digest(reader.Person, items), ct);
                sent++;
            }
            await tx.CommitAsync(ct);
        }
        return sent;
    }

    /// <summary>A pool member as matching reads them, with their email settings.</summary>
    private sealed record PoolReader
    {
        public long MemberId { get; init; }
        public string Kinds { get; init; } = "";
        public string Region { get; init; } = "";
        public bool Remote { get; init; }
        public bool Telephone { get; init; }
        public string Themes { get; init; } = "";
        public string PrivateThemes { get; init; } = "";
        public DateTimeOffset JoinedAt { get; init; }
        public DateTimeOffset? DigestSentAt { get; init; }
        public string DisplayName { get; init; } = "";
        public string Email { get; init; } = "";
        public string? Language { get; init; }
        public bool EmailImmediately { get; init; }
        public string DigestFrequency { get; init; } = "";

        public PoolProfile Profile => new() { MemberId = MemberId, Kinds = Kinds, Region = Region, Remote = Remote, Telephone = Telephone, Themes = Themes, PrivateThemes = PrivateThemes };

        public ProgrammePerson Person => new() { Id = MemberId, DisplayName = DisplayName, Email = Email, Language = Language };
    }
}
