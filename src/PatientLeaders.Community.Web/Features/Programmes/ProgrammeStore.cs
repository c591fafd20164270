using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Programmes, their cohorts, facilitators and sessions. A cohort's action learning runs as a set of its own.</summary>
public sealed class ProgrammeStore(DbConnectionFactory db, SetStore sets, MeetingStore meetings, CategoryStore categories, MemberRoleGrants roles, TimeProvider clock)
{
    /// <summary>Paths under /programmes that a programme's slug must not take.</summary>
    private static readonly HashSet<string> ReservedSlugs = ["manage", "applications", "cohorts", "outcomes"];

    public async Task<IReadOnlyList<ProgrammeView>> ProgrammesAsync(bool includeDrafts, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ProgrammeView>(new CommandDefinition(ProgrammesSql.SelectProgrammes,
            new { IncludeDrafts = includeDrafts }, cancellationToken: ct))).AsList();
    }

    public async Task<ProgrammeView?> FindProgrammeAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsValid(slug))
        {
            return null;
        }
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProgrammeView>(new CommandDefinition(ProgrammesSql.SelectProgramme, new { Slug = slug }, cancellationToken: ct));
    }

    /// <summary>
    /// Creates the programme under a slug made from its title, numbered when the title is already taken, with its
    /// alumni area in the forum: a category only its alumni (and moderators) can see.
    /// </summary>
    public async Task<string> CreateProgrammeAsync(NewProgramme programme, CancellationToken ct)
    {
        var stem = Slugs.From(programme.Title);
        if (stem.Length == 0)
        {
            // A title with no letters or digits a web address can carry.
            stem = "programme";
        }
        if (ReservedSlugs.Contains(stem))
        {
            stem += "-programme";
        }
        await using var connection = await db.OpenAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var slug = attempt == 1 ? stem : $"{stem}-{attempt}";
            try
            {
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ProgrammesSql.InsertProgramme + db.Dialect.SelectInsertedId, new
                {
                    Slug = slug, programme.Title, programme.Kind, programme.Summary, programme.Aims, programme.WhoFor, programme.IsPublished,
                    programme.MinSessions, programme.MinCoachingCalls, Now = clock.GetUtcNow(),
                }, cancellationToken: ct));
                var categoryId = await CreateCategoryAsync("alumni-" + slug, "Alumni: " + programme.Title,
                    "For everyone who has completed " + programme.Title + ".", "welcome", Roles.AlumniOf(slug), ct);
                await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.SetProgrammeAlumniCategory, new { Id = id, CategoryId = categoryId }, cancellationToken: ct));
                var position = 1;
                foreach (var item in Outcomes.OutcomeInstrument.DefaultConfidenceItems)
                {
                    await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertOutcomeItem,
                        new { ProgrammeId = id, Position = position++, Text = item }, cancellationToken: ct));
                }
                return slug;
            }
            catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception) && attempt < 50)
            {
                // Taken: try the next number.
            }
        }
    }

    public async Task UpdateProgrammeAsync(long id, NewProgramme programme, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.UpdateProgramme, new
        {
            Id = id, programme.Title, programme.Kind, programme.Summary, programme.Aims, programme.WhoFor, programme.IsPublished,
            programme.MinSessions, programme.MinCoachingCalls, Now = clock.GetUtcNow(),
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<CohortView>> CohortsOfAsync(long programmeId, bool upcomingOnly, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<CohortView>(new CommandDefinition(ProgrammesSql.SelectCohortsOfProgramme,
            new { ProgrammeId = programmeId, UpcomingOnly = upcomingOnly, Now = clock.GetUtcNow() }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<CohortView>> UpcomingCohortsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<CohortView>(new CommandDefinition(ProgrammesSql.SelectUpcomingCohorts,
            new { Now = clock.GetUtcNow() }, cancellationToken: ct))).AsList();
    }

    public async Task<CohortView?> FindCohortAsync(long cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CohortView>(new CommandDefinition(ProgrammesSql.SelectCohort, new { CohortId = cohortId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SessionView>> SessionsAsync(long cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SessionView>(new CommandDefinition(ProgrammesSql.SelectSessions, new { CohortId = cohortId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<FacilitatorView>> FacilitatorsAsync(long cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<FacilitatorView>(new CommandDefinition(ProgrammesSql.SelectFacilitators, new { CohortId = cohortId }, cancellationToken: ct))).AsList();
    }

    public async Task<bool> IsFacilitatorAsync(long cohortId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(ProgrammesSql.CountFacilitator, new { CohortId = cohortId, MemberId = memberId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Which of these members hold a facilitator accreditation that has not expired (the mentoring network's records).</summary>
    public async Task<IReadOnlySet<long>> AccreditedFacilitatorsAsync(IReadOnlyCollection<long> memberIds, CancellationToken ct)
    {
        if (memberIds.Count == 0)
        {
            return new HashSet<long>();
        }
        await using var connection = await db.OpenAsync(ct);
        var today = MentoringDates.ToStored(MentoringDates.Today(clock));
        return (await connection.QueryAsync<long>(new CommandDefinition(ProgrammesSql.SelectCurrentFacilitatorAccreditations,
            new { Today = today, MemberIds = memberIds.ToList() }, cancellationToken: ct))).ToHashSet();
    }

    /// <summary>
    /// Creates the cohort with its facilitators and sessions, its own action learning set (the first facilitator
    /// facilitates it, the others join it, and each action learning session is scheduled as one of its meetings) and
    /// its private discussion category, which only its participants, its facilitators and moderators can see.
    /// </summary>
    public async Task<long> CreateCohortAsync(NewCohort cohort, string setName, string groundRules, CancellationToken ct)
    {
        var ordered = cohort.Sessions.OrderBy(s => s.StartsAt).ToList();
        var setId = await sets.CreateAsync(new NewSet(setName, setName, cohort.FacilitatorIds[0], cohort.FacilitatorIds.Skip(1).ToList(), groundRules,
            Quorum: 2, KeepChat: false), ct);
        var meetingIds = new Dictionary<int, long>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Kind == ProgrammeVocabulary.ActionLearning)
            {
                meetingIds[i] = await meetings.ScheduleAsync(setId, ordered[i].StartsAt, ordered[i].DurationMinutes, cohort.TimeZone, CallDetails.None, ct);
            }
        }
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ProgrammesSql.InsertCohort + db.Dialect.SelectInsertedId, new
        {
            cohort.ProgrammeId, cohort.Title, cohort.Mode, cohort.Venue, cohort.Places, cohort.PartnerName, cohort.TimeZone,
            StartsAt = ordered[0].StartsAt, EndsAt = ordered[^1].StartsAt.AddMinutes(ordered[^1].DurationMinutes), SetId = setId, cohort.RunAbroad,
            cohort.ReservedForPartner, PartnerCode = cohort.ReservedForPartner ? System.Security.Cryptography.RandomNumberGenerator.GetHexString(24, lowercase: true) : null,
            Now = now,
        }, tx, cancellationToken: ct));
        foreach (var facilitatorId in cohort.FacilitatorIds.Distinct())
        {
            await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertFacilitator, new { CohortId = id, MemberId = facilitatorId }, tx, cancellationToken: ct));
        }
        for (var i = 0; i < ordered.Count; i++)
        {
            var session = ordered[i];
            await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertSession, new
            {
                CohortId = id, Position = i + 1, session.Kind, session.Title, session.StartsAt, session.DurationMinutes,
                MeetingId = meetingIds.TryGetValue(i, out var meetingId) ? meetingId : (long?)null,
            }, tx, cancellationToken: ct));
        }
        foreach (var facilitatorId in cohort.FacilitatorIds.Distinct())
        {
            await roles.GrantAsync(connection, tx, facilitatorId, Roles.ForCohort(id), ct);
        }
        await tx.CommitAsync(ct);
        var categoryId = await CreateCategoryAsync($"cohort-{id}", setName, "The private discussion area of " + setName + ".", "chat", Roles.ForCohort(id), ct);
        await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.SetCohortCategory, new { Id = id, CategoryId = categoryId }, cancellationToken: ct));
        return id;
    }

    /// <summary>
    /// Moves sessions that have not begun: the set's meeting moves with an action learning session, the cohort's dates
    /// follow, and its calendar sequence rises so the update replaces what people already have.
    /// </summary>
    public async Task MoveSessionsAsync(CohortView cohort, IReadOnlyList<(SessionView Session, DateTimeOffset StartsAt, int DurationMinutes)> moves, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            foreach (var (session, startsAt, minutes) in moves)
            {
                await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.MoveSession,
                    new { session.Id, CohortId = cohort.Id, StartsAt = startsAt, DurationMinutes = minutes }, tx, cancellationToken: ct));
            }
            var all = (await connection.QueryAsync<SessionView>(new CommandDefinition(ProgrammesSql.SelectSessions, new { CohortId = cohort.Id }, tx, cancellationToken: ct))).ToList();
            var last = all.MaxBy(s => s.StartsAt.AddMinutes(s.DurationMinutes))!;
            await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.RedateCohort,
                new { CohortId = cohort.Id, EndsAt = last.StartsAt.AddMinutes(last.DurationMinutes), Now = now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        foreach (var (session, startsAt, minutes) in moves)
        {
            if (session.MeetingId is { } meetingId && cohort.SetId is { } setId)
            {
                await meetings.MoveAsync(setId, meetingId, startsAt, minutes, ct);
            }
        }
    }

    public async Task<GoalCounts> GoalCountsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<GoalCounts>(new CommandDefinition(ProgrammesSql.SelectGoalCounts, new { Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;

    /// <summary>A members-only forum category restricted to one scoped role; its id.</summary>
    private async Task<long> CreateCategoryAsync(string slug, string name, string description, string icon, string role, CancellationToken ct)
    {
        slug = slug.Length > 56 ? slug[..56].TrimEnd('-') : slug;
        var edit = new CategoryEdit(slug, Cut(name, 80), Cut(description, 500), icon, CategoryStyles.DefaultColour, IsPublic: false, role);
        for (var attempt = 2; !await categories.CreateAsync(edit, ct); attempt++)
        {
            edit = edit with { Slug = $"{slug}-{attempt}" };
        }
        return (await categories.AllAsync(ct)).Single(c => c.Slug == edit.Slug).Id;
    }
}
