-- Learning programmes (issue 19). A programme is what the Centre teaches; a cohort is one run of it, with its places,
-- facilitators and sessions in order. A cohort's dates are its first and last session. Each cohort owns one action
-- learning set (SetId), whose meetings are the cohort's action learning sessions.
CREATE TABLE Programmes (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    Slug TEXT NOT NULL,
    Title TEXT NOT NULL,
    Kind TEXT NOT NULL,
    Summary TEXT NOT NULL,
    Aims TEXT NOT NULL,
    WhoFor TEXT NOT NULL,
    IsPublished INTEGER NOT NULL DEFAULT 0,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL
);
CREATE UNIQUE INDEX UX_Programmes_Slug ON Programmes (Slug);

CREATE TABLE ProgrammeCohorts (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    ProgrammeId INTEGER NOT NULL,
    Title TEXT NOT NULL,
    Mode TEXT NOT NULL,
    Venue TEXT NOT NULL DEFAULT '',
    Places INTEGER NOT NULL,
    PartnerName TEXT NOT NULL DEFAULT '',
    TimeZone TEXT NOT NULL,
    StartsAt TEXT NULL,
    EndsAt TEXT NULL,
    SetId INTEGER NULL,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_ProgrammeCohorts_Programmes FOREIGN KEY (ProgrammeId) REFERENCES Programmes (Id) ON DELETE CASCADE,
    CONSTRAINT FK_ProgrammeCohorts_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id)
);
CREATE INDEX IX_ProgrammeCohorts_ProgrammeId ON ProgrammeCohorts (ProgrammeId, StartsAt);
CREATE INDEX IX_ProgrammeCohorts_StartsAt ON ProgrammeCohorts (StartsAt);

CREATE TABLE CohortFacilitators (
    CohortId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    CONSTRAINT PK_CohortFacilitators PRIMARY KEY (CohortId, MemberId),
    CONSTRAINT FK_CohortFacilitators_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortFacilitators_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_CohortFacilitators_MemberId ON CohortFacilitators (MemberId);

-- MeetingId links an action learning session to the set meeting it runs as.
CREATE TABLE CohortSessions (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId INTEGER NOT NULL,
    Position INTEGER NOT NULL,
    Kind TEXT NOT NULL,
    Title TEXT NOT NULL,
    StartsAt TEXT NOT NULL,
    DurationMinutes INTEGER NOT NULL,
    MeetingId INTEGER NULL,
    CONSTRAINT FK_CohortSessions_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortSessions_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id)
);
CREATE INDEX IX_CohortSessions_CohortId ON CohortSessions (CohortId, Position);

-- Why, Change and AccessNeeds are the applicant's words; AccessNeeds is health data, shown only to the applicant,
-- programme coordinators and the cohort's facilitators. Status: Submitted, Offered, Accepted, Waiting, Declined,
-- Withdrawn, Lapsed. WaitingSince orders the waiting list; OfferExpiresAt ends an unanswered offer.
CREATE TABLE CohortApplications (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    Status TEXT NOT NULL,
    Why TEXT NOT NULL,
    Change TEXT NOT NULL,
    AccessNeeds TEXT NOT NULL DEFAULT '',
    SubmittedAt TEXT NOT NULL,
    DecidedAt TEXT NULL,
    DecisionMessage TEXT NULL,
    OfferExpiresAt TEXT NULL,
    WaitingSince TEXT NULL,
    CoordinatorRemindedAt TEXT NULL,
    CONSTRAINT FK_CohortApplications_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortApplications_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_CohortApplications_CohortMember ON CohortApplications (CohortId, MemberId);
CREATE INDEX IX_CohortApplications_MemberId ON CohortApplications (MemberId);
CREATE INDEX IX_CohortApplications_Status ON CohortApplications (Status, SubmittedAt);
