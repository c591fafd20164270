-- Learning programmes (issue 19). A programme is what the Centre teaches; a cohort is one run of it, with its places,
-- facilitators and sessions in order. A cohort's dates are its first and last session. Each cohort owns one action
-- learning set (SetId), whose meetings are the cohort's action learning sessions.
CREATE TABLE Programmes (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Programmes PRIMARY KEY,
    Slug NVARCHAR(100) NOT NULL,
    Title NVARCHAR(200) NOT NULL,
    Kind NVARCHAR(30) NOT NULL,
    Summary NVARCHAR(1000) NOT NULL,
    Aims NVARCHAR(MAX) NOT NULL,
    WhoFor NVARCHAR(MAX) NOT NULL,
    IsPublished BIT NOT NULL DEFAULT 0,
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX UX_Programmes_Slug ON Programmes (Slug);

CREATE TABLE ProgrammeCohorts (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ProgrammeCohorts PRIMARY KEY,
    ProgrammeId BIGINT NOT NULL,
    Title NVARCHAR(200) NOT NULL,
    Mode NVARCHAR(20) NOT NULL,
    Venue NVARCHAR(500) NOT NULL DEFAULT '',
    Places INT NOT NULL,
    PartnerName NVARCHAR(200) NOT NULL DEFAULT '',
    TimeZone NVARCHAR(64) NOT NULL,
    StartsAt DATETIMEOFFSET NULL,
    EndsAt DATETIMEOFFSET NULL,
    SetId BIGINT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_ProgrammeCohorts_Programmes FOREIGN KEY (ProgrammeId) REFERENCES Programmes (Id) ON DELETE CASCADE,
    CONSTRAINT FK_ProgrammeCohorts_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id)
);
CREATE INDEX IX_ProgrammeCohorts_ProgrammeId ON ProgrammeCohorts (ProgrammeId, StartsAt);
CREATE INDEX IX_ProgrammeCohorts_StartsAt ON ProgrammeCohorts (StartsAt);

CREATE TABLE CohortFacilitators (
    CohortId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    CONSTRAINT PK_CohortFacilitators PRIMARY KEY (CohortId, MemberId),
    CONSTRAINT FK_CohortFacilitators_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortFacilitators_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_CohortFacilitators_MemberId ON CohortFacilitators (MemberId);

-- MeetingId links an action learning session to the set meeting it runs as.
CREATE TABLE CohortSessions (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_CohortSessions PRIMARY KEY,
    CohortId BIGINT NOT NULL,
    Position INT NOT NULL,
    Kind NVARCHAR(30) NOT NULL,
    Title NVARCHAR(200) NOT NULL,
    StartsAt DATETIMEOFFSET NOT NULL,
    DurationMinutes INT NOT NULL,
    MeetingId BIGINT NULL,
    CONSTRAINT FK_CohortSessions_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortSessions_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id)
);
CREATE INDEX IX_CohortSessions_CohortId ON CohortSessions (CohortId, Position);

-- Why, Change and AccessNeeds are the applicant's words; AccessNeeds is health data, shown only to the applicant,
-- programme coordinators and the cohort's facilitators. Status: Submitted, Offered, Accepted, Waiting, Declined,
-- Withdrawn, Lapsed. WaitingSince orders the waiting list; OfferExpiresAt ends an unanswered offer.
CREATE TABLE CohortApplications (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_CohortApplications PRIMARY KEY,
    CohortId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    Status NVARCHAR(20) NOT NULL,
    Why NVARCHAR(MAX) NOT NULL,
    Change NVARCHAR(MAX) NOT NULL,
    AccessNeeds NVARCHAR(MAX) NOT NULL DEFAULT '',
    SubmittedAt DATETIMEOFFSET NOT NULL,
    DecidedAt DATETIMEOFFSET NULL,
    DecisionMessage NVARCHAR(MAX) NULL,
    OfferExpiresAt DATETIMEOFFSET NULL,
    WaitingSince DATETIMEOFFSET NULL,
    CoordinatorRemindedAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_CohortApplications_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortApplications_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_CohortApplications_CohortMember ON CohortApplications (CohortId, MemberId);
CREATE INDEX IX_CohortApplications_MemberId ON CohortApplications (MemberId);
CREATE INDEX IX_CohortApplications_Status ON CohortApplications (Status, SubmittedAt);
