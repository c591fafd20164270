namespace PatientLeaders.Community.Web.Infrastructure.Mail;

public static class MailSql
{
    public const string Insert = """
        INSERT INTO MailOutbox (MemberId, ToAddress, ToName, Subject, TextBody, CalendarAttachment, ListUnsubscribe, CreatedAt, NextAttemptAt, Attempts)
        VALUES (@MemberId, @ToAddress, @ToName, @Subject, @TextBody, @CalendarAttachment, @ListUnsubscribe, @CreatedAt, @CreatedAt, 0)
        """;

    /// <summary>Ordered; the caller wraps it with the dialect's limit on @Take. Served by IX_MailOutbox_Pending.</summary>
    public const string SelectDueIds = """
        SELECT Id FROM MailOutbox
        WHERE SentAt IS NULL AND FailedAt IS NULL AND NextAttemptAt <= @Now
          AND (LeaseUntil IS NULL OR LeaseUntil < @Now)
        ORDER BY NextAttemptAt, Id
        """;

    /// <summary>
    /// Takes the lease only if the row is still due and nobody else holds it; one affected row means this owner
    /// won, so two senders never both send a row while a lease is live.
    /// </summary>
    public const string Claim = """
        UPDATE MailOutbox SET LeaseOwner = @Owner, LeaseUntil = @Until
        WHERE Id = @Id AND SentAt IS NULL AND FailedAt IS NULL AND NextAttemptAt <= @Now
          AND (LeaseUntil IS NULL OR LeaseUntil < @Now)
        """;

    public const string SelectClaimed = """
        SELECT Id, MemberId, ToAddress, ToName, Subject, TextBody, CalendarAttachment, ListUnsubscribe, CreatedAt, Attempts
        FROM MailOutbox
        WHERE Id = @Id AND LeaseOwner = @Owner AND SentAt IS NULL
        """;

    /// <summary>Not conditional on the lease: once the transport accepted the message, it was sent.</summary>
    public const string MarkSent = """
        UPDATE MailOutbox SET SentAt = @SentAt, Attempts = Attempts + 1, LeaseOwner = NULL, LeaseUntil = NULL
        WHERE Id = @Id AND SentAt IS NULL
        """;

    /// <summary>Only while this owner still holds the row; a lapsed lease means another sender has it now.</summary>
    public const string RecordFailure = """
        UPDATE MailOutbox
        SET Attempts = @Attempts, NextAttemptAt = @NextAttemptAt, FailedAt = @FailedAt, LastError = @LastError,
            LeaseOwner = NULL, LeaseUntil = NULL
        WHERE Id = @Id AND LeaseOwner = @Owner AND SentAt IS NULL
        """;

    public const string SelectStatus = """
        SELECT Id, ToAddress, Subject, Attempts, NextAttemptAt, LeaseOwner, LeaseUntil, SentAt, FailedAt, LastError
        FROM MailOutbox
        WHERE Id = @Id
        """;
}
