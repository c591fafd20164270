namespace PatientLeaders.Community.Web.Features.Involvement.Work;

/// <summary>Engagements, the ledger of claims and the impact answers.</summary>
public static class WorkSql
{
    private const string EngagementColumns = """
        e.Id, e.ApplicationId, e.OpportunityId, o.Title AS OpportunityTitle, e.OrganisationId, g.Name AS OrganisationName, g.Slug AS OrganisationSlug,
            e.MemberId, m.DisplayName AS LeaderName, a.Payment, o.HourlyRatePence, o.PaymentLevel, o.Expenses, o.StartsOn, o.EndsOn, e.ConfirmedAt, e.EndedAt
        FROM Engagements e JOIN Opportunities o ON o.Id = e.OpportunityId JOIN Organisations g ON g.Id = e.OrganisationId
            JOIN OpportunityApplications a ON a.Id = e.ApplicationId JOIN Members m ON m.Id = e.MemberId
        """;

    public const string SelectEngagement = $"SELECT {EngagementColumns} WHERE e.Id = @Id";

    public const string SelectEngagementsOfMember = $"SELECT {EngagementColumns} WHERE e.MemberId = @MemberId ORDER BY e.ConfirmedAt DESC, e.Id DESC";

    public const string SelectEngagementsOfOrganisations = $"SELECT {EngagementColumns} WHERE e.OrganisationId IN @OrganisationIds ORDER BY e.ConfirmedAt DESC, e.Id DESC";

    public const string SelectAllEngagements = $"SELECT {EngagementColumns} ORDER BY e.ConfirmedAt DESC, e.Id DESC";

    public const string EndEngagement = "UPDATE Engagements SET EndedAt = @Now WHERE Id = @Id AND EndedAt IS NULL";

    /// <summary>Work whose last day has passed ends by itself, so the impact questions are asked.</summary>
    public const string EndPastEngagements = """
        UPDATE Engagements SET EndedAt = @Now
        WHERE EndedAt IS NULL AND EXISTS (SELECT 1 FROM Opportunities o WHERE o.Id = Engagements.OpportunityId AND o.EndsOn < @Today)
        """;

    /// <summary>Ended work whose organisation has not answered, and has not been reminded for a while.</summary>
    public const string SelectImpactDue = $"""
        SELECT {EngagementColumns}
        WHERE e.EndedAt IS NOT NULL AND (e.ImpactRemindedAt IS NULL OR e.ImpactRemindedAt <= @RemindBefore)
            AND NOT EXISTS (SELECT 1 FROM ImpactAnswers i WHERE i.EngagementId = e.Id AND i.Side = 'Organisation')
        """;

    public const string MarkImpactReminded = "UPDATE Engagements SET ImpactRemindedAt = @Now WHERE Id = @Id";

    private const string ClaimColumns = """
        c.Id, c.MemberId, m.DisplayName AS LeaderName, c.EngagementId, c.CohortId, c.Kind, c.WorkedOn, c.Minutes, c.FeePence, c.ExpensePence, c.Description,
            c.ReceiptFileId, c.Status, c.QueryReason, c.SubmittedAt, c.DecidedAt, c.PaidOn,
            g.Name AS Payer, g.Id AS PayerOrganisationId,
            o.Title AS OpportunityTitle, p.Title AS ProgrammeTitle, pc.Title AS CohortTitle
        FROM WorkClaims c JOIN Members m ON m.Id = c.MemberId
            LEFT JOIN Engagements e ON e.Id = c.EngagementId LEFT JOIN Opportunities o ON o.Id = e.OpportunityId LEFT JOIN Organisations g ON g.Id = e.OrganisationId
            LEFT JOIN ProgrammeCohorts pc ON pc.Id = c.CohortId LEFT JOIN Programmes p ON p.Id = pc.ProgrammeId
        """;

    public const string SelectClaim = $"SELECT {ClaimColumns} WHERE c.Id = @Id";

    public const string SelectClaimsOfEngagement = $"SELECT {ClaimColumns} WHERE c.EngagementId = @EngagementId ORDER BY c.WorkedOn, c.Id";

    public const string SelectClaimsOfMember = $"SELECT {ClaimColumns} WHERE c.MemberId = @MemberId ORDER BY c.WorkedOn, c.Id";

    public const string SelectClaimsOfCohort = $"SELECT {ClaimColumns} WHERE c.CohortId = @CohortId ORDER BY c.WorkedOn, c.Id";

    /// <summary>An organisation's approved claims, for its finance team.</summary>
    public const string SelectApprovedClaimsOfOrganisation = $"""
        SELECT {ClaimColumns} WHERE e.OrganisationId = @OrganisationId AND c.Status = 'Approved' ORDER BY c.WorkedOn, c.Id
        """;

    public const string InsertClaim = """
        INSERT INTO WorkClaims (MemberId, EngagementId, CohortId, Kind, WorkedOn, Minutes, FeePence, ExpensePence, Description, ReceiptFileId, Status,
            SubmittedAt, DecidedAt, DecidedById)
        VALUES (@MemberId, @EngagementId, @CohortId, @Kind, @WorkedOn, @Minutes, @FeePence, @ExpensePence, @Description, @ReceiptFileId, @Status,
            @Now, @DecidedAt, @DecidedById)
        """;

    public const string DecideClaim = """
        UPDATE WorkClaims SET Status = @Status, QueryReason = @QueryReason, DecidedAt = @Now, DecidedById = @DecidedById
        WHERE Id = @Id AND Status = 'Submitted'
        """;

    public const string MarkClaimPaid = "UPDATE WorkClaims SET PaidOn = @PaidOn WHERE Id = @Id AND Status = 'Approved'";

    /// <summary>The leader takes back a claim not yet approved, for example to correct a queried one.</summary>
    public const string DeleteClaim = "DELETE FROM WorkClaims WHERE Id = @Id AND MemberId = @MemberId AND Status IN ('Submitted', 'Queried')";

    /// <summary>Claims an organisation has left longer than the approval window, not yet raised with the coordinators.</summary>
    public const string SelectOverdueClaims = $"""
        SELECT {ClaimColumns} WHERE c.Status = 'Submitted' AND c.EngagementId IS NOT NULL AND c.SubmittedAt < @Before AND c.OverdueNoticeSentAt IS NULL
        ORDER BY c.Id
        """;

    public const string MarkOverdueNoticeSent = "UPDATE WorkClaims SET OverdueNoticeSentAt = @Now WHERE Id IN @Ids";

    public const string SelectImpactAnswers = """
        SELECT EngagementId, Side, DecisionInfluenced, WhatChanged, Adopted, Reflection, AnsweredAt FROM ImpactAnswers WHERE EngagementId = @EngagementId
        """;

    public const string UpdateImpactAnswer = """
        UPDATE ImpactAnswers SET DecisionInfluenced = @DecisionInfluenced, WhatChanged = @WhatChanged, Adopted = @Adopted, Reflection = @Reflection,
            AnsweredById = @AnsweredById, AnsweredAt = @Now
        WHERE EngagementId = @EngagementId AND Side = @Side
        """;

    public const string InsertImpactAnswer = """
        INSERT INTO ImpactAnswers (EngagementId, Side, DecisionInfluenced, WhatChanged, Adopted, Reflection, AnsweredById, AnsweredAt)
        VALUES (@EngagementId, @Side, @DecisionInfluenced, @WhatChanged, @Adopted, @Reflection, @AnsweredById, @Now)
        """;
}
