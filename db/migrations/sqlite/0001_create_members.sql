CREATE TABLE Members (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    Email TEXT NOT NULL,
    NormalizedEmail TEXT NOT NULL,
    EmailConfirmed INTEGER NOT NULL DEFAULT 0,
    PendingEmail TEXT NULL,
    Handle TEXT NOT NULL,
    NormalizedHandle TEXT NOT NULL,
    DisplayName TEXT NOT NULL,
    PasswordHash TEXT NULL,
    SecurityStamp TEXT NOT NULL,
    ConcurrencyStamp TEXT NOT NULL,
    TwoFactorEnabled INTEGER NOT NULL DEFAULT 0,
    AuthenticatorKey TEXT NULL,
    RecoveryCodes TEXT NULL,
    LockoutEnd TEXT NULL,
    LockoutEnabled INTEGER NOT NULL DEFAULT 1,
    AccessFailedCount INTEGER NOT NULL DEFAULT 0,
    SuspendedUntil TEXT NULL,
    SuspensionReason TEXT NULL,
    EmailFrequency TEXT NOT NULL DEFAULT 'Immediately',
    CreatedAt TEXT NOT NULL
);
CREATE UNIQUE INDEX UX_Members_NormalizedEmail ON Members (NormalizedEmail);
CREATE UNIQUE INDEX UX_Members_NormalizedHandle ON Members (NormalizedHandle);

CREATE TABLE MemberRoles (
    MemberId INTEGER NOT NULL,
    Role TEXT NOT NULL,
    GrantedAt TEXT NOT NULL,
    CONSTRAINT PK_MemberRoles PRIMARY KEY (MemberId, Role),
    CONSTRAINT FK_MemberRoles_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MemberRoles_Role ON MemberRoles (Role, MemberId);

CREATE TABLE MemberSessions (
    Id TEXT NOT NULL PRIMARY KEY,
    MemberId INTEGER NOT NULL,
    Device TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    LastSeenAt TEXT NOT NULL,
    ExpiresAt TEXT NOT NULL,
    RevokedAt TEXT NULL,
    CONSTRAINT FK_MemberSessions_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MemberSessions_MemberId ON MemberSessions (MemberId, LastSeenAt);

CREATE TABLE Invitations (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    Email TEXT NOT NULL,
    NormalizedEmail TEXT NOT NULL,
    Role TEXT NOT NULL,
    TokenHash TEXT NOT NULL,
    InvitedByMemberId INTEGER NULL,
    CreatedAt TEXT NOT NULL,
    ExpiresAt TEXT NOT NULL,
    AcceptedAt TEXT NULL,
    RevokedAt TEXT NULL,
    CONSTRAINT FK_Invitations_Members FOREIGN KEY (InvitedByMemberId) REFERENCES Members (Id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX UX_Invitations_TokenHash ON Invitations (TokenHash);
CREATE INDEX IX_Invitations_CreatedAt ON Invitations (CreatedAt);

CREATE TABLE SecurityEvents (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MemberId INTEGER NULL,
    EventType TEXT NOT NULL,
    OccurredAt TEXT NOT NULL,
    CONSTRAINT FK_SecurityEvents_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SecurityEvents_MemberId ON SecurityEvents (MemberId, OccurredAt);
