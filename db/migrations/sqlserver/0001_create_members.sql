CREATE TABLE Members (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Members PRIMARY KEY,
    Email NVARCHAR(320) NOT NULL,
    NormalizedEmail NVARCHAR(320) NOT NULL,
    EmailConfirmed BIT NOT NULL DEFAULT 0,
    PendingEmail NVARCHAR(320) NULL,
    Handle NVARCHAR(40) NOT NULL,
    NormalizedHandle NVARCHAR(40) NOT NULL,
    DisplayName NVARCHAR(100) NOT NULL,
    PasswordHash NVARCHAR(400) NULL,
    SecurityStamp NVARCHAR(100) NOT NULL,
    ConcurrencyStamp NVARCHAR(100) NOT NULL,
    TwoFactorEnabled BIT NOT NULL DEFAULT 0,
    AuthenticatorKey NVARCHAR(200) NULL,
    RecoveryCodes NVARCHAR(2000) NULL,
    LockoutEnd DATETIMEOFFSET NULL,
    LockoutEnabled BIT NOT NULL DEFAULT 1,
    AccessFailedCount INT NOT NULL DEFAULT 0,
    SuspendedUntil DATETIMEOFFSET NULL,
    SuspensionReason NVARCHAR(1000) NULL,
    EmailFrequency NVARCHAR(20) NOT NULL DEFAULT 'Immediately',
    CreatedAt DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX UX_Members_NormalizedEmail ON Members (NormalizedEmail);
CREATE UNIQUE INDEX UX_Members_NormalizedHandle ON Members (NormalizedHandle);

CREATE TABLE MemberRoles (
    MemberId BIGINT NOT NULL,
    Role NVARCHAR(20) NOT NULL,
    GrantedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_MemberRoles PRIMARY KEY (MemberId, Role),
    CONSTRAINT FK_MemberRoles_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MemberRoles_Role ON MemberRoles (Role, MemberId);

CREATE TABLE MemberSessions (
    Id NVARCHAR(64) NOT NULL CONSTRAINT PK_MemberSessions PRIMARY KEY,
    MemberId BIGINT NOT NULL,
    Device NVARCHAR(200) NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    LastSeenAt DATETIMEOFFSET NOT NULL,
    ExpiresAt DATETIMEOFFSET NOT NULL,
    RevokedAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_MemberSessions_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MemberSessions_MemberId ON MemberSessions (MemberId, LastSeenAt);

CREATE TABLE Invitations (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Invitations PRIMARY KEY,
    Email NVARCHAR(320) NOT NULL,
    NormalizedEmail NVARCHAR(320) NOT NULL,
    Role NVARCHAR(20) NOT NULL,
    TokenHash NVARCHAR(64) NOT NULL,
    InvitedByMemberId BIGINT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    ExpiresAt DATETIMEOFFSET NOT NULL,
    AcceptedAt DATETIMEOFFSET NULL,
    RevokedAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_Invitations_Members FOREIGN KEY (InvitedByMemberId) REFERENCES Members (Id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX UX_Invitations_TokenHash ON Invitations (TokenHash);
CREATE INDEX IX_Invitations_CreatedAt ON Invitations (CreatedAt);

CREATE TABLE SecurityEvents (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_SecurityEvents PRIMARY KEY,
    MemberId BIGINT NULL,
    EventType NVARCHAR(60) NOT NULL,
    OccurredAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_SecurityEvents_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SecurityEvents_MemberId ON SecurityEvents (MemberId, OccurredAt);
