-- Mentoring (issue 5). Focus areas, themes, formats and paces are comma-separated codes from the fixed vocabularies
-- in MentoringVocabulary: the pool is tens to hundreds of people, so matching reads the offers and scores them in memory.
-- Members foreign keys on tables that hang off a relationship are NO ACTION (SQL Server allows one cascade path);
-- MentoringStore.EraseMemberAsync deletes a member's mentoring rows explicitly before the member goes.
CREATE TABLE MentorOffers (
    MemberId BIGINT NOT NULL CONSTRAINT PK_MentorOffers PRIMARY KEY,
    Summary NVARCHAR(2000) NOT NULL DEFAULT '',
    FocusAreas NVARCHAR(400) NOT NULL DEFAULT '',
    Themes NVARCHAR(400) NOT NULL DEFAULT '',
    ThemesConsentAt DATETIMEOFFSET NULL,
    Languages NVARCHAR(200) NOT NULL DEFAULT '',
    Region NVARCHAR(40) NOT NULL DEFAULT '',
    Formats NVARCHAR(100) NOT NULL DEFAULT 'Telephone',
    Paces NVARCHAR(100) NOT NULL DEFAULT '',
    Availability NVARCHAR(500) NOT NULL DEFAULT '',
    Capacity INT NOT NULL DEFAULT 1,
    -- Kept in step with active relationships; accepting raises it only while it is below Capacity (one conditional UPDATE).
    ActiveCount INT NOT NULL DEFAULT 0,
    IsPaused BIT NOT NULL DEFAULT 0,
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_MentorOffers_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

CREATE TABLE MentorAccreditations (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MentorAccreditations PRIMARY KEY,
    MemberId BIGINT NOT NULL,
    Kind NVARCHAR(20) NOT NULL,
    GainedOn DATETIMEOFFSET NOT NULL,
    ExpiresOn DATETIMEOFFSET NOT NULL,
    ExpiryNoticeSentAt DATETIMEOFFSET NULL,
    RecordedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_MentorAccreditations_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MentorAccreditations_MemberId ON MentorAccreditations (MemberId, ExpiresOn);
CREATE INDEX IX_MentorAccreditations_ExpiresOn ON MentorAccreditations (ExpiresOn, ExpiryNoticeSentAt);

-- PrivateThemes are used for matching and never shown to anyone but the mentee.
CREATE TABLE MentoringRequests (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MentoringRequests PRIMARY KEY,
    MenteeId BIGINT NOT NULL,
    Goals NVARCHAR(2000) NOT NULL,
    FocusAreas NVARCHAR(400) NOT NULL DEFAULT '',
    Themes NVARCHAR(400) NOT NULL DEFAULT '',
    PrivateThemes NVARCHAR(400) NOT NULL DEFAULT '',
    ThemesConsentAt DATETIMEOFFSET NULL,
    Language NVARCHAR(60) NOT NULL DEFAULT '',
    LanguageRequired BIT NOT NULL DEFAULT 0,
    Format NVARCHAR(20) NOT NULL DEFAULT 'Telephone',
    FormatRequired BIT NOT NULL DEFAULT 0,
    Region NVARCHAR(40) NOT NULL DEFAULT '',
    Pace NVARCHAR(20) NOT NULL DEFAULT '',
    AskAllAtOnce BIT NOT NULL DEFAULT 0,
    Status NVARCHAR(20) NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    MatchedAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_MentoringRequests_Members FOREIGN KEY (MenteeId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MentoringRequests_MenteeId ON MentoringRequests (MenteeId, CreatedAt);
CREATE INDEX IX_MentoringRequests_Status ON MentoringRequests (Status, CreatedAt);

CREATE TABLE MentoringRequestChoices (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MentoringRequestChoices PRIMARY KEY,
    RequestId BIGINT NOT NULL,
    MentorId BIGINT NOT NULL,
    ChoiceOrder INT NOT NULL,
    Status NVARCHAR(20) NOT NULL,
    SuggestedByCoordinator BIT NOT NULL DEFAULT 0,
    SentAt DATETIMEOFFSET NULL,
    RemindedAt DATETIMEOFFSET NULL,
    RespondedAt DATETIMEOFFSET NULL,
    DeclineMessage NVARCHAR(1000) NULL,
    CONSTRAINT FK_MentoringRequestChoices_Requests FOREIGN KEY (RequestId) REFERENCES MentoringRequests (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringRequestChoices_Members FOREIGN KEY (MentorId) REFERENCES Members (Id)
);
CREATE UNIQUE INDEX UX_MentoringRequestChoices_RequestMentor ON MentoringRequestChoices (RequestId, MentorId);
CREATE INDEX IX_MentoringRequestChoices_MentorId ON MentoringRequestChoices (MentorId, Status);
CREATE INDEX IX_MentoringRequestChoices_Status ON MentoringRequestChoices (Status, SentAt);

-- Coordinators see Status and the dates, never goals, notes or messages.
CREATE TABLE MentoringRelationships (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MentoringRelationships PRIMARY KEY,
    RequestId BIGINT NULL,
    MentorId BIGINT NOT NULL,
    MenteeId BIGINT NOT NULL,
    Status NVARCHAR(20) NOT NULL,
    StartedAt DATETIMEOFFSET NOT NULL,
    AgreedEndOn DATETIMEOFFSET NULL,
    FirstSessionAt DATETIMEOFFSET NULL,
    LastSessionAt DATETIMEOFFSET NULL,
    ClosingSuggestedAt DATETIMEOFFSET NULL,
    MentorFit NVARCHAR(20) NULL,
    MenteeFit NVARCHAR(20) NULL,
    FitConcernHandledAt DATETIMEOFFSET NULL,
    EndedAt DATETIMEOFFSET NULL,
    EndedBy NVARCHAR(20) NULL,
    EndReason NVARCHAR(1000) NULL,
    MentorFeedback NVARCHAR(2000) NULL,
    MenteeFeedback NVARCHAR(2000) NULL,
    CONSTRAINT FK_MentoringRelationships_Requests FOREIGN KEY (RequestId) REFERENCES MentoringRequests (Id),
    CONSTRAINT FK_MentoringRelationships_Mentors FOREIGN KEY (MentorId) REFERENCES Members (Id),
    CONSTRAINT FK_MentoringRelationships_Mentees FOREIGN KEY (MenteeId) REFERENCES Members (Id)
);
CREATE INDEX IX_MentoringRelationships_MentorId ON MentoringRelationships (MentorId, Status);
CREATE INDEX IX_MentoringRelationships_MenteeId ON MentoringRelationships (MenteeId, Status);
CREATE INDEX IX_MentoringRelationships_Status ON MentoringRelationships (Status, LastSessionAt);

CREATE TABLE MentoringGoals (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MentoringGoals PRIMARY KEY,
    RelationshipId BIGINT NOT NULL,
    Title NVARCHAR(200) NOT NULL,
    Progress NVARCHAR(20) NOT NULL DEFAULT 'NotStarted',
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_MentoringGoals_Relationships FOREIGN KEY (RelationshipId) REFERENCES MentoringRelationships (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MentoringGoals_RelationshipId ON MentoringGoals (RelationshipId, Id);

CREATE TABLE MentoringSessions (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MentoringSessions PRIMARY KEY,
    RelationshipId BIGINT NOT NULL,
    HeldOn DATETIMEOFFSET NOT NULL,
    Format NVARCHAR(20) NOT NULL DEFAULT 'Telephone',
    DurationMinutes INT NOT NULL,
    LoggedById BIGINT NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_MentoringSessions_Relationships FOREIGN KEY (RelationshipId) REFERENCES MentoringRelationships (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringSessions_Members FOREIGN KEY (LoggedById) REFERENCES Members (Id)
);
CREATE INDEX IX_MentoringSessions_RelationshipId ON MentoringSessions (RelationshipId, HeldOn);

-- A private note is readable only by its author unless IsShared is set; nobody else, coordinators and admins included.
CREATE TABLE MentoringSessionNotes (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MentoringSessionNotes PRIMARY KEY,
    SessionId BIGINT NOT NULL,
    AuthorId BIGINT NOT NULL,
    Body NVARCHAR(MAX) NOT NULL,
    IsShared BIT NOT NULL DEFAULT 0,
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_MentoringSessionNotes_Sessions FOREIGN KEY (SessionId) REFERENCES MentoringSessions (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringSessionNotes_Members FOREIGN KEY (AuthorId) REFERENCES Members (Id)
);
CREATE UNIQUE INDEX UX_MentoringSessionNotes_SessionAuthor ON MentoringSessionNotes (SessionId, AuthorId);

CREATE TABLE MentoringMessages (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MentoringMessages PRIMARY KEY,
    RelationshipId BIGINT NOT NULL,
    SenderId BIGINT NOT NULL,
    Body NVARCHAR(MAX) NOT NULL,
    SentAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_MentoringMessages_Relationships FOREIGN KEY (RelationshipId) REFERENCES MentoringRelationships (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringMessages_Members FOREIGN KEY (SenderId) REFERENCES Members (Id)
);
CREATE INDEX IX_MentoringMessages_RelationshipId ON MentoringMessages (RelationshipId, Id);
