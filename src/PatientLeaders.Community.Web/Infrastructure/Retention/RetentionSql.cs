namespace PatientLeaders.Community.Web.Infrastructure.Retention;

public static class RetentionSql
{
    public const string DeleteOldMail = "DELETE FROM MailOutbox WHERE (SentAt IS NOT NULL AND SentAt < @Before) OR (FailedAt IS NOT NULL AND FailedAt < @Before)";

    public const string DeleteOldSessions = "DELETE FROM MemberSessions WHERE (RevokedAt IS NOT NULL AND RevokedAt < @Before) OR ExpiresAt < @Before";

    public const string DeleteOldSecurityEvents = "DELETE FROM SecurityEvents WHERE OccurredAt < @Before";
}
