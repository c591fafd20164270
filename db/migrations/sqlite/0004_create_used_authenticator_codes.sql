-- A code from an authenticator app works once: each accepted code is kept until it can no longer be valid.
CREATE TABLE UsedAuthenticatorCodes (
    MemberId INTEGER NOT NULL,
    Code TEXT NOT NULL,
    UsedAt TEXT NOT NULL,
    CONSTRAINT PK_UsedAuthenticatorCodes PRIMARY KEY (MemberId, Code),
    CONSTRAINT FK_UsedAuthenticatorCodes_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_UsedAuthenticatorCodes_UsedAt ON UsedAuthenticatorCodes (UsedAt);
