CREATE TABLE MemberProfiles (
    MemberId INTEGER NOT NULL PRIMARY KEY,
    Pronouns TEXT NOT NULL DEFAULT '',
    Bio TEXT NOT NULL DEFAULT '',
    Region TEXT NOT NULL DEFAULT '',
    Languages TEXT NOT NULL DEFAULT '',
    Interests TEXT NOT NULL DEFAULT '',
    Skills TEXT NOT NULL DEFAULT '',
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_MemberProfiles_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

-- Special-category health data (UK GDPR Art. 9): kept apart so that no query shows it by accident.
CREATE TABLE LivedExperiences (
    MemberId INTEGER NOT NULL PRIMARY KEY,
    Conditions TEXT NOT NULL DEFAULT '',
    ConditionsVisibility TEXT NOT NULL DEFAULT 'OnlyMe',
    ServicesUsed TEXT NOT NULL DEFAULT '',
    ServicesUsedVisibility TEXT NOT NULL DEFAULT 'OnlyMe',
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_LivedExperiences_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

CREATE TABLE HealthDataConsents (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MemberId INTEGER NOT NULL,
    Action TEXT NOT NULL,
    Wording TEXT NOT NULL,
    OccurredAt TEXT NOT NULL,
    CONSTRAINT FK_HealthDataConsents_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_HealthDataConsents_MemberId ON HealthDataConsents (MemberId, OccurredAt);
