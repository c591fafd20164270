namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>Organisations, pool profiles, opportunities and applications. Codes are those in InvolvementVocabulary.</summary>
public static class InvolvementSql
{
    private const string OrganisationColumns = "Id, Slug, Name, Kind, About, Website, VerifiedAt, PausedAt";

    public const string SelectOrganisations = $"SELECT {OrganisationColumns} FROM Organisations ORDER BY Name, Id";

    public const string SelectOrganisationBySlug = $"SELECT {OrganisationColumns} FROM Organisations WHERE Slug = @Slug";

    public const string SelectOrganisationById = $"SELECT {OrganisationColumns} FROM Organisations WHERE Id = @Id";

    public const string InsertOrganisation = """
        INSERT INTO Organisations (Slug, Name, Kind, About, Website, CreatedAt, UpdatedAt)
        VALUES (@Slug, @Name, @Kind, @About, @Website, @Now, @Now)
        """;

    public const string UpdateOrganisation = """
        UPDATE Organisations SET Name = @Name, Kind = @Kind, About = @About, Website = @Website, UpdatedAt = @Now WHERE Id = @Id
        """;

    public const string SetVerified = "UPDATE Organisations SET VerifiedAt = CASE WHEN @On = 1 THEN @Now ELSE NULL END, UpdatedAt = @Now WHERE Id = @Id";

    public const string SetPaused = "UPDATE Organisations SET PausedAt = CASE WHEN @On = 1 THEN @Now ELSE NULL END, UpdatedAt = @Now WHERE Id = @Id";

    public const string SelectContacts = """
        SELECT m.Id, m.Email, m.DisplayName, m.Handle, m.Language FROM MemberRoles r JOIN Members m ON m.Id = r.MemberId
        WHERE r.Role = @Role ORDER BY m.DisplayName, m.Id
        """;

    public const string SelectPendingContactInvitations = """
        SELECT Email FROM Invitations WHERE Role = @Role AND AcceptedAt IS NULL AND RevokedAt IS NULL AND ExpiresAt > @Now ORDER BY CreatedAt
        """;

    public const string SelectMemberByEmail = "SELECT Id FROM Members WHERE NormalizedEmail = @NormalizedEmail";

    // Pool profiles

    private const string PoolColumns = """
        MemberId, Kinds, Skills, RolesHeld, Region, Remote, Telephone, Availability, Themes, PrivateThemes, AccessNeeds, Payment, JoinedAt, DigestSentAt
        """;

    public const string SelectPoolProfile = $"SELECT {PoolColumns} FROM PoolMembers WHERE MemberId = @MemberId";

    public const string InsertPoolProfile = """
        INSERT INTO PoolMembers (MemberId, Kinds, Skills, RolesHeld, Region, Remote, Telephone, Availability, Themes, PrivateThemes, AccessNeeds, Payment, JoinedAt, UpdatedAt)
        VALUES (@MemberId, @Kinds, @Skills, @RolesHeld, @Region, @Remote, @Telephone, @Availability, @Themes, @PrivateThemes, @AccessNeeds, @Payment, @Now, @Now)
        """;

    public const string UpdatePoolProfile = """
        UPDATE PoolMembers SET Kinds = @Kinds, Skills = @Skills, RolesHeld = @RolesHeld, Region = @Region, Remote = @Remote, Telephone = @Telephone,
            Availability = @Availability, Themes = @Themes, PrivateThemes = @PrivateThemes, AccessNeeds = @AccessNeeds, Payment = @Payment, UpdatedAt = @Now
        WHERE MemberId = @MemberId
        """;

    public const string DeletePoolProfile = "DELETE FROM PoolMembers WHERE MemberId = @MemberId";

    /// <summary>Everyone in the pool with their email settings, for matching a newly approved opportunity.</summary>
    public const string SelectPoolForMatching = $"""
        SELECT p.MemberId, p.Kinds, p.Skills, p.RolesHeld, p.Region, p.Remote, p.Telephone, p.Availability, p.Themes, p.PrivateThemes, p.AccessNeeds, p.Payment, p.JoinedAt, p.DigestSentAt,
            m.DisplayName, m.Email, m.Language, m.EmailImmediately, m.DigestFrequency
        FROM PoolMembers p JOIN Members m ON m.Id = p.MemberId
        WHERE m.SuspendedUntil IS NULL OR m.SuspendedUntil < @Now
        ORDER BY p.MemberId
        """;

    public const string MarkDigestSent = "UPDATE PoolMembers SET DigestSentAt = @Now WHERE MemberId = @MemberId";

    // Opportunities

    private const string OpportunityColumns = """
        o.Id, o.OrganisationId, g.Name AS OrganisationName, g.Slug AS OrganisationSlug,
            CASE WHEN g.VerifiedAt IS NOT NULL AND g.PausedAt IS NULL THEN 1 ELSE 0 END AS OrganisationActive,
            o.Title, o.Kind, o.Difference, o.TimeCommitment, o.StartsOn, o.EndsOn, o.Place, o.Venue, o.Region, o.PaymentLevel, o.HourlyRatePence,
            o.Expenses, o.Support, o.ExperienceSought, o.Themes, o.PeopleWanted, o.ClosesOn, o.ContactName, o.ContactEmail, o.Status, o.ReviewNote,
            o.ApprovedAt, o.ClosingNoticeSentAt,
            (SELECT COUNT(*) FROM OpportunityApplications a WHERE a.OpportunityId = o.Id AND a.Status <> 'Withdrawn') AS Applicants,
            (SELECT COUNT(*) FROM OpportunityApplications a WHERE a.OpportunityId = o.Id AND a.Status = 'Confirmed') AS Confirmed
        FROM Opportunities o JOIN Organisations g ON g.Id = o.OrganisationId
        """;

    public const string SelectOpportunity = $"SELECT {OpportunityColumns} WHERE o.Id = @Id";

    /// <summary>What the pool sees: approved, still open, from active organisations.</summary>
    public const string SelectOpenOpportunities = $"""
        SELECT {OpportunityColumns}
        WHERE o.Status = 'Approved' AND o.ClosesOn >= @Today AND g.VerifiedAt IS NOT NULL AND g.PausedAt IS NULL
        ORDER BY o.ClosesOn, o.Id
        """;

    public const string SelectOpportunitiesOfOrganisations = $"""
        SELECT {OpportunityColumns} WHERE o.OrganisationId IN @OrganisationIds ORDER BY o.CreatedAt DESC, o.Id DESC
        """;

    public const string SelectOpportunitiesByStatus = $"SELECT {OpportunityColumns} WHERE o.Status = @Status ORDER BY o.UpdatedAt, o.Id";

    public const string InsertOpportunity = """
        INSERT INTO Opportunities (OrganisationId, Title, Kind, Difference, TimeCommitment, StartsOn, EndsOn, Place, Venue, Region, PaymentLevel, HourlyRatePence,
            Expenses, Support, ExperienceSought, Themes, PeopleWanted, ClosesOn, ContactName, ContactEmail, Status, CreatedById, CreatedAt, UpdatedAt)
        VALUES (@OrganisationId, @Title, @Kind, @Difference, @TimeCommitment, @StartsOn, @EndsOn, @Place, @Venue, @Region, @PaymentLevel, @HourlyRatePence,
            @Expenses, @Support, @ExperienceSought, @Themes, @PeopleWanted, @ClosesOn, @ContactName, @ContactEmail, @Status, @CreatedById, @Now, @Now)
        """;

    /// <summary>An edit of an approved opportunity goes back to the coordinators: leaders see only what was approved.</summary>
    public const string UpdateOpportunity = """
        UPDATE Opportunities SET Title = @Title, Kind = @Kind, Difference = @Difference, TimeCommitment = @TimeCommitment, StartsOn = @StartsOn, EndsOn = @EndsOn,
            Place = @Place, Venue = @Venue, Region = @Region, PaymentLevel = @PaymentLevel, HourlyRatePence = @HourlyRatePence, Expenses = @Expenses,
            Support = @Support, ExperienceSought = @ExperienceSought, Themes = @Themes, PeopleWanted = @PeopleWanted, ClosesOn = @ClosesOn,
            ContactName = @ContactName, ContactEmail = @ContactEmail, Status = @Status, UpdatedAt = @Now
        WHERE Id = @Id AND Status <> 'Closed'
        """;

    public const string ReviewOpportunity = """
        UPDATE Opportunities SET Status = @Status, ReviewNote = @ReviewNote, ApprovedAt = CASE WHEN @Status = 'Approved' THEN @Now ELSE ApprovedAt END, UpdatedAt = @Now
        WHERE Id = @Id AND Status = 'Submitted'
        """;

    public const string CloseOpportunity = "UPDATE Opportunities SET Status = 'Closed', UpdatedAt = @Now WHERE Id = @Id AND Status <> 'Closed'";

    public const string MarkMatchesSent = "UPDATE Opportunities SET MatchesSentAt = @Now WHERE Id = @Id AND MatchesSentAt IS NULL";

    /// <summary>Approved opportunities whose strong matches have not been written to yet.</summary>
    public const string SelectUnmatchedOpportunities = $"SELECT {OpportunityColumns} WHERE o.Status = 'Approved' AND o.MatchesSentAt IS NULL AND o.ClosesOn >= @Today";

    /// <summary>Approved since a moment, still open: what a digest may hold.</summary>
    public const string SelectApprovedSince = $"""
        SELECT {OpportunityColumns}
        WHERE o.Status = 'Approved' AND o.ApprovedAt >= @Since AND o.ClosesOn >= @Today AND g.VerifiedAt IS NOT NULL AND g.PausedAt IS NULL
        ORDER BY o.ApprovedAt, o.Id
        """;

    /// <summary>Past their closing date with someone still waiting for an answer, and no notice sent yet.</summary>
    public const string SelectClosedWithoutDecision = $"""
        SELECT {OpportunityColumns}
        WHERE o.ClosesOn < @Today AND o.ClosingNoticeSentAt IS NULL
            AND EXISTS (SELECT 1 FROM OpportunityApplications a WHERE a.OpportunityId = o.Id AND a.Status IN ('Applied', 'Shortlisted'))
        """;

    public const string MarkClosingNoticeSent = "UPDATE Opportunities SET ClosingNoticeSentAt = @Now WHERE Id = @Id AND ClosingNoticeSentAt IS NULL";

    // Applications

    private const string ApplicantColumns = """
        a.Id, a.OpportunityId, o.Title AS OpportunityTitle, o.OrganisationId, g.Name AS OrganisationName, a.MemberId, m.DisplayName, m.Handle, m.Email, m.Language,
            a.Statement, a.Payment, a.SharedLivedExperience, a.SharedAccessNeeds, a.Status, a.Feedback, a.AppliedAt, o.ClosesOn,
            (SELECT e.Id FROM Engagements e WHERE e.ApplicationId = a.Id) AS EngagementId
        FROM OpportunityApplications a JOIN Opportunities o ON o.Id = a.OpportunityId JOIN Organisations g ON g.Id = o.OrganisationId JOIN Members m ON m.Id = a.MemberId
        """;

    public const string SelectApplicant = $"SELECT {ApplicantColumns} WHERE a.Id = @Id";

    public const string SelectApplicantOf = $"SELECT {ApplicantColumns} WHERE a.OpportunityId = @OpportunityId AND a.MemberId = @MemberId";

    public const string SelectApplicantsOfOpportunity = $"SELECT {ApplicantColumns} WHERE a.OpportunityId = @OpportunityId ORDER BY a.AppliedAt, a.Id";

    public const string SelectApplicationsOfMember = $"SELECT {ApplicantColumns} WHERE a.MemberId = @MemberId ORDER BY a.AppliedAt DESC, a.Id DESC";

    public const string InsertApplication = """
        INSERT INTO OpportunityApplications (OpportunityId, MemberId, Statement, Payment, SharedLivedExperience, SharedAccessNeeds, Status, AppliedAt)
        VALUES (@OpportunityId, @MemberId, @Statement, @Payment, @SharedLivedExperience, @SharedAccessNeeds, 'Applied', @Now)
        """;

    public const string InsertSharing = """
        INSERT INTO OpportunitySharing (ApplicationId, MemberId, OrganisationId, What, Action, OccurredAt)
        VALUES (@ApplicationId, @MemberId, @OrganisationId, @What, @Action, @Now)
        """;

    public const string SelectSharingOfMember = """
        SELECT s.ApplicationId, o.Title AS OpportunityTitle, g.Name AS OrganisationName, s.What, s.Action, s.OccurredAt
        FROM OpportunitySharing s JOIN OpportunityApplications a ON a.Id = s.ApplicationId JOIN Opportunities o ON o.Id = a.OpportunityId
            JOIN Organisations g ON g.Id = s.OrganisationId
        WHERE s.MemberId = @MemberId ORDER BY s.OccurredAt DESC, s.Id DESC
        """;

    public const string UnshareLivedExperience = "UPDATE OpportunityApplications SET SharedLivedExperience = '' WHERE Id = @Id AND MemberId = @MemberId AND SharedLivedExperience <> ''";

    public const string UnshareAccessNeeds = "UPDATE OpportunityApplications SET SharedAccessNeeds = '' WHERE Id = @Id AND MemberId = @MemberId AND SharedAccessNeeds <> ''";

    /// <summary>An organisation's decision, only from a status it may follow.</summary>
    public const string DecideApplication = """
        UPDATE OpportunityApplications SET Status = @Status, Feedback = @Feedback, DecidedAt = @Now
        WHERE Id = @Id AND Status IN @From
        """;

    public const string ConfirmApplication = "UPDATE OpportunityApplications SET Status = 'Confirmed', ConfirmedAt = @Now WHERE Id = @Id AND MemberId = @MemberId AND Status = 'Selected'";

    public const string WithdrawApplication = """
        UPDATE OpportunityApplications SET Status = 'Withdrawn', SharedLivedExperience = '', SharedAccessNeeds = '', DecidedAt = @Now
        WHERE Id = @Id AND MemberId = @MemberId AND Status IN ('Applied', 'Shortlisted', 'Selected')
        """;

    public const string InsertEngagement = """
        INSERT INTO Engagements (ApplicationId, OpportunityId, OrganisationId, MemberId, ConfirmedAt)
        SELECT a.Id, a.OpportunityId, o.OrganisationId, a.MemberId, @Now FROM OpportunityApplications a JOIN Opportunities o ON o.Id = a.OpportunityId WHERE a.Id = @Id
        """;

    /// <summary>Everyone still waiting on an opportunity: told kindly when it is filled or its closing date passes.</summary>
    public const string SelectWaitingApplicants = $"SELECT {ApplicantColumns} WHERE a.OpportunityId = @OpportunityId AND a.Status IN ('Applied', 'Shortlisted')";
}
