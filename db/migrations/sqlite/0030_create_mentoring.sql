-- Mentoring (issue 5). Focus areas, themes, formats and paces are comma-separated codes from the fixed vocabularies
-- in MentoringVocabulary: the pool is tens to hundreds of people, so matching reads the offers and scores them in memory.
-- Members foreign keys on tables that hang off a relationship are NO ACTION (SQL Server allows one cascade path);
-- MentoringStore.EraseMemberAsync deletes a member's mentoring rows explicitly before the member goes.
CREATE TABLE MentorOffers (
    MemberId INTEGER NOT NULL PRIMARY KEY,
    Summary TEXT NOT NULL DEFAULT '',
    FocusAreas TEXT NOT NULL DEFAULT '',
    Themes TEXT NOT NULL DEFAULT '',
    ThemesConsentAt TEXT NULL,
    Languages TEXT NOT NULL DEFAULT '',
    Region TEXT NOT NULL DEFAULT '',
    Formats TEXT NOT NULL DEFAULT 'Telephone',
    Paces TEXT NOT NULL DEFAULT '',
    Availability TEXT NOT NULL DEFAULT '',
    Capacity INTEGER NOT NULL DEFAULT 1,
    -- Kept in step with active relationships; accepting raises it only while it is below Capacity (one conditional UPDATE).
    ActiveCount INTEGER NOT NULL DEFAULT 0,
    IsPaused INTEGER NOT NULL DEFAULT 0,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_MentorOffers_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

CREATE TABLE MentorAccreditations (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MemberId INTEGER NOT NULL,
    Kind TEXT NOT NULL,
    GainedOn TEXT NOT NULL,
    ExpiresOn TEXT NOT NULL,
    ExpiryNoticeSentAt TEXT NULL,
    RecordedAt TEXT NOT NULL,
    CONSTRAINT FK_MentorAccreditations_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MentorAccreditations_MemberId ON MentorAccreditations (MemberId, ExpiresOn);
CREATE INDEX IX_MentorAccreditations_ExpiresOn ON MentorAccreditations (ExpiresOn, ExpiryNoticeSentAt);

-- PrivateThemes are used for matching and never shown to anyone but the mentee.
CREATE TABLE MentoringRequests (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MenteeId INTEGER NOT NULL,
    Goals TEXT NOT NULL,
    FocusAreas TEXT NOT NULL DEFAULT '',
    Themes TEXT NOT NULL DEFAULT '',
    PrivateThemes TEXT NOT NULL DEFAULT '',
    ThemesConsentAt TEXT NULL,
    Language TEXT NOT NULL DEFAULT '',
    LanguageRequired INTEGER NOT NULL DEFAULT 0,
    Format TEXT NOT NULL DEFAULT 'Telephone',
    FormatRequired INTEGER NOT NULL DEFAULT 0,
    Region TEXT NOT NULL DEFAULT '',
    Pace TEXT NOT NULL DEFAULT '',
    AskAllAtOnce INTEGER NOT NULL DEFAULT 0,
    Status TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    MatchedAt TEXT NULL,
    CONSTRAINT FK_MentoringRequests_Members FOREIGN KEY (MenteeId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MentoringRequests_MenteeId ON MentoringRequests (MenteeId, CreatedAt);
CREATE INDEX IX_MentoringRequests_Status ON MentoringRequests (Status, CreatedAt);

CREATE TABLE MentoringRequestChoices (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    RequestId INTEGER NOT NULL,
    MentorId INTEGER NOT NULL,
    ChoiceOrder INTEGER NOT NULL,
    Status TEXT NOT NULL,
    SuggestedByCoordinator INTEGER NOT NULL DEFAULT 0,
    SentAt TEXT NULL,
    RemindedAt TEXT NULL,
    RespondedAt TEXT NULL,
    DeclineMessage TEXT NULL,
    CONSTRAINT FK_MentoringRequestChoices_Requests FOREIGN KEY (RequestId) REFERENCES MentoringRequests (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringRequestChoices_Members FOREIGN KEY (MentorId) REFERENCES Members (Id)
);
CREATE UNIQUE INDEX UX_MentoringRequestChoices_RequestMentor ON MentoringRequestChoices (RequestId, MentorId);
CREATE INDEX IX_MentoringRequestChoices_MentorId ON MentoringRequestChoices (MentorId, Status);
CREATE INDEX IX_MentoringRequestChoices_Status ON MentoringRequestChoices (Status, SentAt);

-- Coordinators see Status and the dates, never goals, notes or messages.
CREATE TABLE MentoringRelationships (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    RequestId INTEGER NULL,
    MentorId INTEGER NOT NULL,
    MenteeId INTEGER NOT NULL,
    Status TEXT NOT NULL,
    StartedAt TEXT NOT NULL,
    AgreedEndOn TEXT NULL,
    FirstSessionAt TEXT NULL,
    LastSessionAt TEXT NULL,
    ClosingSuggestedAt TEXT NULL,
    MentorFit TEXT NULL,
    MenteeFit TEXT NULL,
    FitConcernHandledAt TEXT NULL,
    EndedAt TEXT NULL,
    EndedBy TEXT NULL,
    EndReason TEXT NULL,
    MentorFeedback TEXT NULL,
    MenteeFeedback TEXT NULL,
    CONSTRAINT FK_MentoringRelationships_Requests FOREIGN KEY (RequestId) REFERENCES MentoringRequests (Id),
    CONSTRAINT FK_MentoringRelationships_Mentors FOREIGN KEY (MentorId) REFERENCES Members (Id),
    CONSTRAINT FK_MentoringRelationships_Mentees FOREIGN KEY (MenteeId) REFERENCES Members (Id)
);
CREATE INDEX IX_MentoringRelationships_MentorId ON MentoringRelationships (MentorId, Status);
CREATE INDEX IX_MentoringRelationships_MenteeId ON MentoringRelationships (MenteeId, Status);
CREATE INDEX IX_MentoringRelationships_Status ON MentoringRelationships (Status, LastSessionAt);

CREATE TABLE MentoringGoals (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    RelationshipId INTEGER NOT NULL,
    Title TEXT NOT NULL,
    Progress TEXT NOT NULL DEFAULT 'NotStarted',
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_MentoringGoals_Relationships FOREIGN KEY (RelationshipId) REFERENCES MentoringRelationships (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MentoringGoals_RelationshipId ON MentoringGoals (RelationshipId, Id);

CREATE TABLE MentoringSessions (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    RelationshipId INTEGER NOT NULL,
    HeldOn TEXT NOT NULL,
    Format TEXT NOT NULL DEFAULT 'Telephone',
    DurationMinutes INTEGER NOT NULL,
    LoggedById INTEGER NOT NULL,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT FK_MentoringSessions_Relationships FOREIGN KEY (RelationshipId) REFERENCES MentoringRelationships (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringSessions_Members FOREIGN KEY (LoggedById) REFERENCES Members (Id)
);
CREATE INDEX IX_MentoringSessions_RelationshipId ON MentoringSessions (RelationshipId, HeldOn);

-- A private note is readable only by its author unless IsShared is set; nobody else, coordinators and admins included.
CREATE TABLE MentoringSessionNotes (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    SessionId INTEGER NOT NULL,
    AuthorId INTEGER NOT NULL,
    Body TEXT NOT NULL,
    IsShared INTEGER NOT NULL DEFAULT 0,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_MentoringSessionNotes_Sessions FOREIGN KEY (SessionId) REFERENCES MentoringSessions (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringSessionNotes_Members FOREIGN KEY (AuthorId) REFERENCES Members (Id)
);
CREATE UNIQUE INDEX UX_MentoringSessionNotes_SessionAuthor ON MentoringSessionNotes (SessionId, AuthorId);

CREATE TABLE MentoringMessages (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    RelationshipId INTEGER NOT NULL,
    SenderId INTEGER NOT NULL,
    Body TEXT NOT NULL,
    SentAt TEXT NOT NULL,
    CONSTRAINT FK_MentoringMessages_Relationships FOREIGN KEY (RelationshipId) REFERENCES MentoringRelationships (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringMessages_Members FOREIGN KEY (SenderId) REFERENCES Members (Id)
);
CREATE INDEX IX_MentoringMessages_RelationshipId ON MentoringMessages (RelationshipId, Id);
