CREATE TABLE MailOutbox (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MemberId INTEGER NULL,
    ToAddress TEXT NOT NULL,
    ToName TEXT NOT NULL,
    Subject TEXT NOT NULL,
    TextBody TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    NextAttemptAt TEXT NOT NULL,
    Attempts INTEGER NOT NULL DEFAULT 0,
    LeaseOwner TEXT NULL,
    LeaseUntil TEXT NULL,
    SentAt TEXT NULL,
    FailedAt TEXT NULL,
    LastError TEXT NULL,
    CONSTRAINT FK_MailOutbox_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MailOutbox_Pending ON MailOutbox (SentAt, FailedAt, NextAttemptAt);
CREATE INDEX IX_MailOutbox_MemberId ON MailOutbox (MemberId);
