namespace PatientLeaders.Community.Web.Features.Accounts;

public static class AccountsSql
{
    private const string MemberColumns = """
        Id, Email, NormalizedEmail, EmailConfirmed, PendingEmail, Handle, NormalizedHandle, DisplayName,
        PasswordHash, SecurityStamp, ConcurrencyStamp, TwoFactorEnabled, AuthenticatorKey, RecoveryCodes,
        LockoutEnd, LockoutEnabled, AccessFailedCount, SuspendedUntil, SuspensionReason, EmailImmediately, DigestFrequency, Language, RolesVersion, CreatedAt
        """;

    public const string InsertMember = """
        INSERT INTO Members (Email, NormalizedEmail, EmailConfirmed, PendingEmail, Handle, NormalizedHandle, DisplayName,
            PasswordHash, SecurityStamp, ConcurrencyStamp, TwoFactorEnabled, AuthenticatorKey, RecoveryCodes,
            LockoutEnd, LockoutEnabled, AccessFailedCount, SuspendedUntil, SuspensionReason, EmailImmediately, DigestFrequency, Language, CreatedAt)
        VALUES (@Email, @NormalizedEmail, @EmailConfirmed, @PendingEmail, @Handle, @NormalizedHandle, @DisplayName,
            @PasswordHash, @SecurityStamp, @ConcurrencyStamp, @TwoFactorEnabled, @AuthenticatorKey, @RecoveryCodes,
            @LockoutEnd, @LockoutEnabled, @AccessFailedCount, @SuspendedUntil, @SuspensionReason, @EmailImmediately, @DigestFrequency, @Language, @CreatedAt)
        """;

    public const string UpdateMember = """
        UPDATE Members SET Email = @Email, NormalizedEmail = @NormalizedEmail, EmailConfirmed = @EmailConfirmed,
            PendingEmail = @PendingEmail, Handle = @Handle, NormalizedHandle = @NormalizedHandle, DisplayName = @DisplayName,
            PasswordHash = @PasswordHash, SecurityStamp = @SecurityStamp, ConcurrencyStamp = @NewConcurrencyStamp,
            TwoFactorEnabled = @TwoFactorEnabled, AuthenticatorKey = @AuthenticatorKey, RecoveryCodes = @RecoveryCodes,
            LockoutEnd = @LockoutEnd, LockoutEnabled = @LockoutEnabled, AccessFailedCount = @AccessFailedCount,
            SuspendedUntil = @SuspendedUntil, SuspensionReason = @SuspensionReason,
            EmailImmediately = @EmailImmediately, DigestFrequency = @DigestFrequency, Language = @Language
        WHERE Id = @Id AND ConcurrencyStamp = @ConcurrencyStamp
        """;

    public const string DeleteMember = "DELETE FROM Members WHERE Id = @Id";

    /// <summary>Unsubscribing from mentions and replies at once; the digest setting is left alone.</summary>
    public const string StopImmediateEmail = "UPDATE Members SET EmailImmediately = 0 WHERE Id = @MemberId";

    /// <summary>Unsubscribing from the digest; mail at once is left alone.</summary>
    public const string StopDigest = "UPDATE Members SET DigestFrequency = 'Off' WHERE Id = @MemberId";

    public const string SelectEmailPreferences = "SELECT EmailImmediately, DigestFrequency FROM Members WHERE Id = @MemberId";

    public const string SelectMemberById = "SELECT " + MemberColumns + " FROM Members WHERE Id = @Id";

    public const string SelectMemberByNormalizedHandle = "SELECT " + MemberColumns + " FROM Members WHERE NormalizedHandle = @NormalizedHandle";

    public const string SelectMemberByNormalizedEmail = "SELECT " + MemberColumns + " FROM Members WHERE NormalizedEmail = @NormalizedEmail";

    public const string CountMembers = "SELECT COUNT(*) FROM Members";

    public const string SelectRoles = "SELECT Role FROM MemberRoles WHERE MemberId = @MemberId ORDER BY Role";

    public const string InsertRole = "INSERT INTO MemberRoles (MemberId, Role, GrantedAt) VALUES (@MemberId, @Role, @GrantedAt)";

    /// <summary>Inserts nothing when the member already holds the role (the primary key would refuse it).</summary>
    public const string InsertRoleIfMissing = """
        INSERT INTO MemberRoles (MemberId, Role, GrantedAt)
        SELECT @MemberId, @Role, @GrantedAt WHERE NOT EXISTS (SELECT 1 FROM MemberRoles WHERE MemberId = @MemberId AND Role = @Role)
        """;

    public const string DeleteRole = "DELETE FROM MemberRoles WHERE MemberId = @MemberId AND Role = @Role";

    /// <summary>Every change to a member's roles: their signed-in sessions take up the new roles at the next request.</summary>
    public const string BumpRolesVersion = "UPDATE Members SET RolesVersion = RolesVersion + 1 WHERE Id = @MemberId";

    public const string SelectMembersInRole = "SELECT " + MemberColumns + " FROM Members WHERE Id IN (SELECT MemberId FROM MemberRoles WHERE Role = @Role)";

    public const string InsertSecurityEvent = "INSERT INTO SecurityEvents (MemberId, EventType, OccurredAt) VALUES (@MemberId, @EventType, @OccurredAt)";

    public const string SelectSecurityEventsForMember = "SELECT EventType, OccurredAt FROM SecurityEvents WHERE MemberId = @MemberId ORDER BY OccurredAt";

    // Sessions: a server-side row behind every auth cookie, so sign-out and revocation really end it.
    public const string InsertSession = """
        INSERT INTO MemberSessions (Id, MemberId, Device, CreatedAt, LastSeenAt, ExpiresAt, RevokedAt)
        VALUES (@Id, @MemberId, @Device, @CreatedAt, @LastSeenAt, @ExpiresAt, NULL)
        """;

    public const string SelectOtherDisplayNames = "SELECT DisplayName FROM Members WHERE Id <> @Id";

    public const string SelectSessionCheck = """
        SELECT s.MemberId, s.LastSeenAt, s.ExpiresAt, s.RevokedAt, m.SuspendedUntil, m.TwoFactorEnabled, m.RolesVersion
        FROM MemberSessions s JOIN Members m ON m.Id = s.MemberId
        WHERE s.Id = @Id
        """;

    public const string TouchSession = "UPDATE MemberSessions SET LastSeenAt = @LastSeenAt WHERE Id = @Id AND RevokedAt IS NULL";

    public const string RevokeSession = "UPDATE MemberSessions SET RevokedAt = @RevokedAt WHERE Id = @Id AND MemberId = @MemberId AND RevokedAt IS NULL";

    public const string RevokeAllSessions = "UPDATE MemberSessions SET RevokedAt = @RevokedAt WHERE MemberId = @MemberId AND RevokedAt IS NULL";

    public const string RevokeOtherSessions = "UPDATE MemberSessions SET RevokedAt = @RevokedAt WHERE MemberId = @MemberId AND Id <> @KeepId AND RevokedAt IS NULL";

    public const string SelectActiveSessions = """
        SELECT Id, Device, CreatedAt, LastSeenAt FROM MemberSessions
        WHERE MemberId = @MemberId AND RevokedAt IS NULL AND ExpiresAt > @Now
        ORDER BY LastSeenAt DESC
        """;

    public const string SelectSessionsForExport = "SELECT Device, CreatedAt, LastSeenAt, RevokedAt FROM MemberSessions WHERE MemberId = @MemberId ORDER BY CreatedAt";

    // Invitations
    public const string InsertInvitation = """
        INSERT INTO Invitations (Email, NormalizedEmail, Role, TokenHash, InvitedByMemberId, CreatedAt, ExpiresAt, Name, Message)
        VALUES (@Email, @NormalizedEmail, @Role, @TokenHash, @InvitedByMemberId, @CreatedAt, @ExpiresAt, @Name, @Message)
        """;

    public const string SelectInvitationByTokenHash = """
        SELECT Id, Email, Role, Name, Message, ExpiresAt, AcceptedAt, RevokedAt FROM Invitations WHERE TokenHash = @TokenHash
        """;

    public const string AcceptInvitation = "UPDATE Invitations SET AcceptedAt = @AcceptedAt WHERE Id = @Id AND AcceptedAt IS NULL AND RevokedAt IS NULL";

    public const string RevokeInvitation = "UPDATE Invitations SET RevokedAt = @RevokedAt WHERE Id = @Id AND AcceptedAt IS NULL AND RevokedAt IS NULL";

    /// <summary>A new link for an invitation not yet used or withdrawn: the old link stops working.</summary>
    public const string RenewInvitation = """
        UPDATE Invitations SET TokenHash = @TokenHash, ExpiresAt = @ExpiresAt WHERE Id = @Id AND AcceptedAt IS NULL AND RevokedAt IS NULL
        """;

    public const string SelectInvitation = "SELECT Id, Email, Role, Name, Message, CreatedAt, ExpiresAt, AcceptedAt, RevokedAt FROM Invitations WHERE Id = @Id";

    /// <summary>Of the given addresses (normalized), those with an invitation still waiting to be used.</summary>
    public const string SelectWaitingInvitationEmails = """
        SELECT NormalizedEmail FROM Invitations
        WHERE NormalizedEmail IN @Emails AND AcceptedAt IS NULL AND RevokedAt IS NULL AND ExpiresAt > @Now
        """;

    public const string SelectMemberEmailsAmong = "SELECT NormalizedEmail FROM Members WHERE NormalizedEmail IN @Emails";

    public const string SelectRecentInvitations = """
        SELECT Id, Email, Role, Name, Message, CreatedAt, ExpiresAt, AcceptedAt, RevokedAt FROM Invitations ORDER BY CreatedAt DESC
        """;

    /// <summary>The admins' list: keyset on Id, narrowed by words in name, handle or email, by role and by status.</summary>
    public const string SelectMemberList = """
        SELECT m.Id, m.Handle, m.DisplayName, m.Email, m.EmailConfirmed, m.SuspendedUntil, m.TwoFactorEnabled, m.CreatedAt
        FROM Members m
        WHERE m.Id > @AfterId
            AND (@Like = '' OR m.DisplayName LIKE @Like ESCAPE '\' OR m.Handle LIKE @Like ESCAPE '\' OR m.Email LIKE @Like ESCAPE '\')
            AND (@Role = '' OR m.Id IN (SELECT MemberId FROM MemberRoles WHERE Role = @Role))
            AND (@Status = ''
                OR (@Status = 'Suspended' AND m.SuspendedUntil > @Now)
                OR (@Status = 'Unconfirmed' AND m.EmailConfirmed = 0)
                OR (@Status = 'Active' AND m.EmailConfirmed = 1 AND (m.SuspendedUntil IS NULL OR m.SuspendedUntil <= @Now)))
        ORDER BY m.Id
        """;

    public const string SelectRolesForMembers = "SELECT MemberId, Role FROM MemberRoles WHERE MemberId IN @MemberIds";

    public const string ForgetOldAuthenticatorCodes = "DELETE FROM UsedAuthenticatorCodes WHERE UsedAt < @Before";

    public const string RememberAuthenticatorCode = "INSERT INTO UsedAuthenticatorCodes (MemberId, Code, UsedAt) VALUES (@MemberId, @Code, @UsedAt)";
}
