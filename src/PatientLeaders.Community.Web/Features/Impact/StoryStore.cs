using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Impact;

public sealed record StoryView
{
    public long Id { get; init; }
    public long MemberId { get; init; }
    public string LeaderName { get; init; } = "";
    public long? EngagementId { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public bool Named { get; init; }
    public string Status { get; init; } = "";
    public string EditorNote { get; init; } = "";
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The byline the leader chose: their name, or none.</summary>
    public string? Byline => Named ? LeaderName : null;
}

/// <summary>What /impact shows. People counts below the reporting threshold are suppressed by the page.</summary>
public sealed record InvolvementFigures
{
    public int ProjectsCompleted { get; init; }
    public int Organisations { get; init; }
    public long PaidMinutes { get; init; }
    public int StoriesPublished { get; init; }

    /// <summary>How many leaders the paid hours come from: the hours are shown only when enough people stand behind them.</summary>
    public int PaidLeaders { get; init; }
}

/// <summary>
/// Stories of change: a leader offers one, a coordinator edits it with them, and only the text the leader approved is
/// published, named or anonymous. Any edit after approval goes back to the leader; withdrawing takes it down.
/// </summary>
public sealed class StoryStore(DbConnectionFactory db, TimeProvider clock)
{
    private const string Columns = """
        s.Id, s.MemberId, m.DisplayName AS LeaderName, s.EngagementId, s.Title, s.Body, s.Named, s.Status, s.EditorNote, s.PublishedAt, s.UpdatedAt
        FROM Stories s JOIN Members m ON m.Id = s.MemberId
        """;

    public async Task<StoryView?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoryView>(new CommandDefinition($"SELECT {Columns} WHERE s.Id = @Id", new { Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StoryView>> PublishedAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<StoryView>(new CommandDefinition($"SELECT {Columns} WHERE s.Status = 'Published' ORDER BY s.PublishedAt DESC, s.Id DESC", cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<StoryView>> OfMemberAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<StoryView>(new CommandDefinition($"SELECT {Columns} WHERE s.MemberId = @MemberId ORDER BY s.UpdatedAt DESC, s.Id DESC",
            new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Everything but withdrawn stories, for the coordinators' editing queue.</summary>
    public async Task<IReadOnlyList<StoryView>> ForEditorsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<StoryView>(new CommandDefinition($"SELECT {Columns} WHERE s.Status <> 'Withdrawn' ORDER BY s.UpdatedAt DESC, s.Id DESC", cancellationToken: ct))).AsList();
    }

    public async Task<long> OfferAsync(long memberId, long? engagementId, string title, string body, bool named, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO Stories (MemberId, EngagementId, Title, Body, Named, Status, CreatedAt, UpdatedAt)
            VALUES (@MemberId, @EngagementId, @Title, @Body, @Named, 'Offered', @Now, @Now)
            """ + db.Dialect.SelectInsertedId, new { MemberId = memberId, EngagementId = engagementId, Title = title, Body = body, Named = named, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>A coordinator's edit: it goes back to the leader to approve, and comes off /stories until they do.</summary>
    public async Task EditAsync(long id, string title, string body, string note, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE Stories SET Title = @Title, Body = @Body, EditorNote = @Note, Status = 'WithLeader', PublishedAt = NULL, UpdatedAt = @Now
            WHERE Id = @Id AND Status <> 'Withdrawn'
            """, new { Id = id, Title = title, Body = body, Note = note, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>The leader approves the text as it stands now, and chooses again whether it carries their name.</summary>
    public async Task<bool> ApproveAsync(long id, long memberId, bool named, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE Stories SET Status = 'Approved', Named = @Named, ApprovedAt = @Now, UpdatedAt = @Now
            WHERE Id = @Id AND MemberId = @MemberId AND Status IN ('Offered', 'WithLeader')
            """, new { Id = id, MemberId = memberId, Named = named, Now = clock.GetUtcNow() }, cancellationToken: ct)) == 1;
    }

    /// <summary>Only a story its leader approved can be published.</summary>
    public async Task<bool> PublishAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Stories SET Status = 'Published', PublishedAt = @Now, UpdatedAt = @Now WHERE Id = @Id AND Status = 'Approved'",
            new { Id = id, Now = clock.GetUtcNow() }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> WithdrawAsync(long id, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Stories SET Status = 'Withdrawn', PublishedAt = NULL, UpdatedAt = @Now WHERE Id = @Id AND MemberId = @MemberId AND Status <> 'Withdrawn'",
            new { Id = id, MemberId = memberId, Now = clock.GetUtcNow() }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// What programme graduates say they have done since, from the 3- and 6-month questionnaires: how many people
    /// gave each answer at least once. The page suppresses counts below the reporting threshold.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> FollowUpsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long MemberId, string FollowUps)>(new CommandDefinition("""
            SELECT a.MemberId, r.FollowUps FROM OutcomeResponses r JOIN CohortApplications a ON a.Id = r.ApplicationId
            WHERE r.SubmittedAt IS NOT NULL AND r.FollowUps <> ''
            """, cancellationToken: ct));
        return rows.SelectMany(r => r.FollowUps.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(code => (r.MemberId, Code: code)))
            .Distinct().GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// A project counts as completed once its organisation has said what changed: an impact record, fed back to the
    /// leader, closes the work. Paid hours are approved hours of leaders who chose to be paid, and programme delivery.
    /// </summary>
    public async Task<InvolvementFigures> FiguresAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<InvolvementFigures>(new CommandDefinition("""
            SELECT
                (SELECT COUNT(DISTINCT e.OpportunityId) FROM Engagements e
                    WHERE EXISTS (SELECT 1 FROM ImpactAnswers i WHERE i.EngagementId = e.Id AND i.Side = 'Organisation')) AS ProjectsCompleted,
                (SELECT COUNT(DISTINCT e.OrganisationId) FROM Engagements e) AS Organisations,
                (SELECT COALESCE(SUM(c.Minutes), 0) FROM WorkClaims c WHERE c.Status = 'Approved' AND c.FeePence > 0) AS PaidMinutes,
                (SELECT COUNT(*) FROM Stories s WHERE s.Status = 'Published') AS StoriesPublished,
                (SELECT COUNT(DISTINCT c.MemberId) FROM WorkClaims c WHERE c.Status = 'Approved' AND c.FeePence > 0) AS PaidLeaders
            """, cancellationToken: ct));
    }
}
