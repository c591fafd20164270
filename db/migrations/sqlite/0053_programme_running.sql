-- Running a cohort (issue 19). RolesVersion rises with every change to a member's roles, so a signed-in member's
-- cookie takes up a new role (a cohort's or a programme's alumni) at their next request, without signing out.
ALTER TABLE Members ADD COLUMN RolesVersion INTEGER NOT NULL DEFAULT 0;

-- Completion rules: sessions attended (present or late) and coaching calls logged. The forum categories are the
-- programme's alumni area and each cohort's private area, restricted by role (Alumni:{slug}, Cohort:{id}).
ALTER TABLE Programmes ADD COLUMN MinSessions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE Programmes ADD COLUMN MinCoachingCalls INTEGER NOT NULL DEFAULT 0;
ALTER TABLE Programmes ADD COLUMN AlumniCategoryId INTEGER NULL;
ALTER TABLE ProgrammeCohorts ADD COLUMN CategoryId INTEGER NULL;

-- A participant's coach for the programme is an ordinary mentoring relationship; its sessions are the coaching calls.
ALTER TABLE CohortApplications ADD COLUMN CoachRelationshipId INTEGER NULL;
ALTER TABLE CohortApplications ADD COLUMN CompletedAt TEXT NULL;
ALTER TABLE CohortApplications ADD COLUMN PracticeSignedOffAt TEXT NULL;

-- Status: Present, Late, Excused, Absent, NotExpected. A room join counts as present until someone records otherwise.
CREATE TABLE SessionAttendance (
    SessionId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    Status TEXT NOT NULL,
    RecordedAt TEXT NOT NULL,
    CatchUpOfferedAt TEXT NULL,
    CONSTRAINT PK_SessionAttendance PRIMARY KEY (SessionId, MemberId),
    CONSTRAINT FK_SessionAttendance_Sessions FOREIGN KEY (SessionId) REFERENCES CohortSessions (Id) ON DELETE CASCADE,
    CONSTRAINT FK_SessionAttendance_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SessionAttendance_MemberId ON SessionAttendance (MemberId);

-- A certificate keeps the name and programme as they were when it was issued. Anyone with the code can check a
-- public certificate; a private one is seen only by its holder. Revoking keeps the row and says why.
CREATE TABLE ProgrammeCertificates (
    Code TEXT NOT NULL PRIMARY KEY,
    ApplicationId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    ProgrammeTitle TEXT NOT NULL,
    CohortTitle TEXT NOT NULL,
    IssuedName TEXT NOT NULL,
    IssuedAt TEXT NOT NULL,
    IsPublic INTEGER NOT NULL DEFAULT 0,
    RevokedAt TEXT NULL,
    RevokedReason TEXT NULL,
    CONSTRAINT FK_ProgrammeCertificates_Applications FOREIGN KEY (ApplicationId) REFERENCES CohortApplications (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_ProgrammeCertificates_ApplicationId ON ProgrammeCertificates (ApplicationId);
CREATE INDEX IX_ProgrammeCertificates_MemberId ON ProgrammeCertificates (MemberId);
