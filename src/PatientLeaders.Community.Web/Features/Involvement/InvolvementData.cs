using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>
/// A member's pool data for their export: pool profile (with access needs), applications with what each shared, the
/// record of sharing, confirmed work, claims, their impact answers and their stories. Erasure needs nothing here:
/// their rows cascade with the member; receipts they uploaded stay with the organisation's approved claims' files.
/// </summary>
public sealed class InvolvementData(DbConnectionFactory db)
{
    public async Task<object> ExportAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { MemberId = memberId };
        return new
        {
            poolProfile = await connection.QuerySingleOrDefaultAsync(new CommandDefinition(InvolvementSql.SelectPoolProfile, args, cancellationToken: ct)),
            applications = await connection.QueryAsync(new CommandDefinition("""
                SELECT a.Id, o.Title AS Opportunity, g.Name AS Organisation, a.Statement, a.Payment, a.SharedLivedExperience, a.SharedAccessNeeds, a.Status, a.Feedback, a.AppliedAt
                FROM OpportunityApplications a JOIN Opportunities o ON o.Id = a.OpportunityId JOIN Organisations g ON g.Id = o.OrganisationId
                WHERE a.MemberId = @MemberId ORDER BY a.Id
                """, args, cancellationToken: ct)),
            sharing = await connection.QueryAsync(new CommandDefinition(InvolvementSql.SelectSharingOfMember, args, cancellationToken: ct)),
            claims = await connection.QueryAsync(new CommandDefinition("""
                SELECT Id, EngagementId, CohortId, Kind, WorkedOn, Minutes, FeePence, ExpensePence, Description, Status, QueryReason, SubmittedAt, DecidedAt, PaidOn
                FROM WorkClaims WHERE MemberId = @MemberId ORDER BY Id
                """, args, cancellationToken: ct)),
            impactAnswers = await connection.QueryAsync(new CommandDefinition("""
                SELECT i.EngagementId, i.Side, i.DecisionInfluenced, i.WhatChanged, i.Adopted, i.Reflection, i.AnsweredAt
                FROM ImpactAnswers i JOIN Engagements e ON e.Id = i.EngagementId WHERE e.MemberId = @MemberId ORDER BY i.EngagementId, i.Side
                """, args, cancellationToken: ct)),
            stories = await connection.QueryAsync(new CommandDefinition(
                "SELECT Id, EngagementId, Title, Body, Named, Status, PublishedAt, CreatedAt FROM Stories WHERE MemberId = @MemberId ORDER BY Id", args, cancellationToken: ct)),
        };
    }
}
