-- A code from an authenticator app works once: each accepted code is kept until it can no longer be valid.
CREATE TABLE UsedAuthenticatorCodes (
    MemberId BIGINT NOT NULL,
    Code NVARCHAR(10) NOT NULL,
    UsedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_UsedAuthenticatorCodes PRIMARY KEY (MemberId, Code),
    CONSTRAINT FK_UsedAuthenticatorCodes_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_UsedAuthenticatorCodes_UsedAt ON UsedAuthenticatorCodes (UsedAt);
