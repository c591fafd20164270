CREATE TABLE MemberProfiles (
    MemberId BIGINT NOT NULL CONSTRAINT PK_MemberProfiles PRIMARY KEY,
    Pronouns NVARCHAR(40) NOT NULL DEFAULT '',
    Bio NVARCHAR(4000) NOT NULL DEFAULT '',
    Region NVARCHAR(100) NOT NULL DEFAULT '',
    Languages NVARCHAR(200) NOT NULL DEFAULT '',
    Interests NVARCHAR(500) NOT NULL DEFAULT '',
    Skills NVARCHAR(500) NOT NULL DEFAULT '',
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_MemberProfiles_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

-- Special-category health data (UK GDPR Art. 9): kept apart so that no query shows it by accident.
CREATE TABLE LivedExperiences (
    MemberId BIGINT NOT NULL CONSTRAINT PK_LivedExperiences PRIMARY KEY,
    Conditions NVARCHAR(2000) NOT NULL DEFAULT '',
    ConditionsVisibility NVARCHAR(20) NOT NULL DEFAULT 'OnlyMe',
    ServicesUsed NVARCHAR(2000) NOT NULL DEFAULT '',
    ServicesUsedVisibility NVARCHAR(20) NOT NULL DEFAULT 'OnlyMe',
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_LivedExperiences_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

CREATE TABLE HealthDataConsents (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_HealthDataConsents PRIMARY KEY,
    MemberId BIGINT NOT NULL,
    Action NVARCHAR(20) NOT NULL,
    Wording NVARCHAR(1000) NOT NULL,
    OccurredAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_HealthDataConsents_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_HealthDataConsents_MemberId ON HealthDataConsents (MemberId, OccurredAt);
