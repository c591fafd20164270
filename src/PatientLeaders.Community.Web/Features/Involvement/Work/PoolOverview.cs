using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Involvement.Work;

public sealed record SlowOrganisation
{
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public int ClaimsWaiting { get; init; }
    public DateTimeOffset? OldestClaim { get; init; }
    public int ImpactMissing { get; init; }
}

public sealed record NeverChosen
{
    public long MemberId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Handle { get; init; } = "";
    public int Applications { get; init; }
}

/// <summary>How work is shared: how many pool members have had none, one, or more pieces of work, and the busiest fifth's share.</summary>
public sealed record Fairness(int PoolMembers, int WithNone, int WithOne, int WithMore, double? BusiestFifthShare);

/// <summary>
/// The coordinators' view of whether the pool is working: organisations slow to approve claims or silent on
/// impact, leaders who keep applying and are never chosen (so that they can be supported), and how fairly work is
/// shared. No lived experience, access needs or statements appear here.
/// </summary>
public sealed class PoolOverview(DbConnectionFactory db, TimeProvider clock)
{
    public const int OftenApplied = 3;

    public async Task<IReadOnlyList<SlowOrganisation>> SlowOrganisationsAsync(int approvalDays, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SlowOrganisation>(new CommandDefinition("""
            SELECT g.Name, g.Slug,
                (SELECT COUNT(*) FROM WorkClaims c JOIN Engagements e ON e.Id = c.EngagementId
                    WHERE e.OrganisationId = g.Id AND c.Status = 'Submitted' AND c.SubmittedAt < @Before) AS ClaimsWaiting,
                (SELECT MIN(c.SubmittedAt) FROM WorkClaims c JOIN Engagements e ON e.Id = c.EngagementId
                    WHERE e.OrganisationId = g.Id AND c.Status = 'Submitted') AS OldestClaim,
                (SELECT COUNT(*) FROM Engagements e WHERE e.OrganisationId = g.Id AND e.EndedAt IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM ImpactAnswers i WHERE i.EngagementId = e.Id AND i.Side = 'Organisation')) AS ImpactMissing
            FROM Organisations g
            ORDER BY g.Name, g.Id
            """, new { Before = clock.GetUtcNow().AddDays(-approvalDays) }, cancellationToken: ct)))
            .Where(o => o.ClaimsWaiting > 0 || o.ImpactMissing > 0).ToList();
    }

    public async Task<IReadOnlyList<NeverChosen>> NeverChosenAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<NeverChosen>(new CommandDefinition("""
            SELECT a.MemberId, m.DisplayName, m.Handle, COUNT(*) AS Applications
            FROM OpportunityApplications a JOIN Members m ON m.Id = a.MemberId
            WHERE a.Status <> 'Withdrawn'
            GROUP BY a.MemberId, m.DisplayName, m.Handle
            HAVING COUNT(*) >= @Often AND SUM(CASE WHEN a.Status IN ('Selected', 'Confirmed') THEN 1 ELSE 0 END) = 0
            ORDER BY COUNT(*) DESC, m.DisplayName
            """, new { Often = OftenApplied }, cancellationToken: ct))).AsList();
    }

    public async Task<Fairness> FairnessAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var counts = (await connection.QueryAsync<int>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM Engagements e WHERE e.MemberId = p.MemberId) FROM PoolMembers p
            """, cancellationToken: ct))).ToList();
        return Compute(counts);
    }

    /// <summary>Pure, for testing: pieces of work per pool member in, the spread out.</summary>
    public static Fairness Compute(IReadOnlyList<int> workPerMember)
    {
        var engaged = workPerMember.Where(c => c > 0).OrderDescending().ToList();
        double? share = null;
        if (engaged.Count >= 5)
        {
            var fifth = (int)Math.Ceiling(engaged.Count / 5.0);
            share = (double)engaged.Take(fifth).Sum() / engaged.Sum();
        }
        return new Fairness(workPerMember.Count, workPerMember.Count(c => c == 0), workPerMember.Count(c => c == 1), workPerMember.Count(c => c > 1), share);
    }
}
