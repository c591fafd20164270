namespace PatientLeaders.Community.Web.Features.Profiles;

public static class ProfilesSql
{
    public const string SelectProfileByHandle = """
        SELECT m.Id AS MemberId, m.Handle, m.DisplayName, m.CreatedAt,
            COALESCE(p.Pronouns, '') AS Pronouns, COALESCE(p.Bio, '') AS Bio, COALESCE(p.Region, '') AS Region,
            COALESCE(p.Languages, '') AS Languages, COALESCE(p.Interests, '') AS Interests, COALESCE(p.Skills, '') AS Skills,
            COALESCE(p.MemberType, 'PatientLeader') AS MemberType, COALESCE(p.ListedInDirectory, 0) AS ListedInDirectory,
            (SELECT ph.UpdatedAt FROM MemberPhotos ph WHERE ph.MemberId = m.Id) AS PhotoUpdatedAt
        FROM Members m LEFT JOIN MemberProfiles p ON p.MemberId = m.Id
        WHERE m.NormalizedHandle = @NormalizedHandle
        """;

    public const string SelectProfileById = """
        SELECT m.Id AS MemberId, m.Handle, m.DisplayName, m.CreatedAt,
            COALESCE(p.Pronouns, '') AS Pronouns, COALESCE(p.Bio, '') AS Bio, COALESCE(p.Region, '') AS Region,
            COALESCE(p.Languages, '') AS Languages, COALESCE(p.Interests, '') AS Interests, COALESCE(p.Skills, '') AS Skills,
            COALESCE(p.MemberType, 'PatientLeader') AS MemberType, COALESCE(p.ListedInDirectory, 0) AS ListedInDirectory,
            (SELECT ph.UpdatedAt FROM MemberPhotos ph WHERE ph.MemberId = m.Id) AS PhotoUpdatedAt
        FROM Members m LEFT JOIN MemberProfiles p ON p.MemberId = m.Id
        WHERE m.Id = @MemberId
        """;

    public const string UpdateDisplayName = "UPDATE Members SET DisplayName = @DisplayName WHERE Id = @MemberId";

    public const string UpdateProfile = """
        UPDATE MemberProfiles SET Pronouns = @Pronouns, Bio = @Bio, Region = @Region, Languages = @Languages,
            Interests = @Interests, Skills = @Skills, MemberType = @MemberType, ListedInDirectory = @ListedInDirectory, UpdatedAt = @UpdatedAt
        WHERE MemberId = @MemberId
        """;

    public const string InsertProfile = """
        INSERT INTO MemberProfiles (MemberId, Pronouns, Bio, Region, Languages, Interests, Skills, MemberType, ListedInDirectory, UpdatedAt)
        VALUES (@MemberId, @Pronouns, @Bio, @Region, @Languages, @Interests, @Skills, @MemberType, @ListedInDirectory, @UpdatedAt)
        """;

    public const string SelectLivedExperience = """
        SELECT MemberId, Conditions, ConditionsVisibility, ServicesUsed, ServicesUsedVisibility
        FROM LivedExperiences WHERE MemberId = @MemberId
        """;

    public const string UpdateLivedExperience = """
        UPDATE LivedExperiences SET Conditions = @Conditions, ConditionsVisibility = @ConditionsVisibility,
            ServicesUsed = @ServicesUsed, ServicesUsedVisibility = @ServicesUsedVisibility, UpdatedAt = @UpdatedAt
        WHERE MemberId = @MemberId
        """;

    public const string InsertLivedExperience = """
        INSERT INTO LivedExperiences (MemberId, Conditions, ConditionsVisibility, ServicesUsed, ServicesUsedVisibility, UpdatedAt)
        VALUES (@MemberId, @Conditions, @ConditionsVisibility, @ServicesUsed, @ServicesUsedVisibility, @UpdatedAt)
        """;

    public const string DeleteLivedExperience = "DELETE FROM LivedExperiences WHERE MemberId = @MemberId";

    public const string InsertConsent = """
        INSERT INTO HealthDataConsents (MemberId, Action, Wording, OccurredAt) VALUES (@MemberId, @Action, @Wording, @OccurredAt)
        """;

    public const string SelectConsents = "SELECT Action, Wording, OccurredAt FROM HealthDataConsents WHERE MemberId = @MemberId ORDER BY OccurredAt, Id";

    public const string SelectAccountForExport = """
        SELECT Id, Email, Handle, DisplayName, EmailConfirmed, TwoFactorEnabled, EmailImmediately, DigestFrequency, CreatedAt, SuspendedUntil, SuspensionReason
        FROM Members WHERE Id = @MemberId
        """;

    public const string SelectMailForExport = "SELECT Subject, CreatedAt, SentAt FROM MailOutbox WHERE MemberId = @MemberId ORDER BY CreatedAt";

    public const string DeleteInvitationsTo = "DELETE FROM Invitations WHERE NormalizedEmail = @NormalizedEmail";

    public const string DeleteMailTo = "DELETE FROM MailOutbox WHERE MemberId = @MemberId OR ToAddress = @Email";

    public const string DeleteMember = "DELETE FROM Members WHERE Id = @MemberId";

    public const string SelectEmail = "SELECT Email FROM Members WHERE Id = @MemberId";

    // Profile pictures

    public const string UpdatePhoto = "UPDATE MemberPhotos SET Jpeg = @Jpeg, UpdatedAt = @Now WHERE MemberId = @MemberId";

    public const string InsertPhoto = "INSERT INTO MemberPhotos (MemberId, Jpeg, UpdatedAt) VALUES (@MemberId, @Jpeg, @Now)";

    public const string DeletePhoto = "DELETE FROM MemberPhotos WHERE MemberId = @MemberId";

    public const string SelectPhotoByHandle = """
        SELECT p.Jpeg FROM MemberPhotos p JOIN Members m ON m.Id = p.MemberId WHERE m.NormalizedHandle = @NormalizedHandle
        """;
}
