-- Running a cohort (issue 19). RolesVersion rises with every change to a member's roles, so a signed-in member's
-- cookie takes up a new role (a cohort's or a programme's alumni) at their next request, without signing out.
ALTER TABLE Members ADD RolesVersion INT NOT NULL CONSTRAINT DF_Members_RolesVersion DEFAULT 0;

-- Completion rules: sessions attended (present or late) and coaching calls logged. The forum categories are the
-- programme's alumni area and each cohort's private area, restricted by role (Alumni:{slug}, Cohort:{id}).
ALTER TABLE Programmes ADD MinSessions INT NOT NULL CONSTRAINT DF_Programmes_MinSessions DEFAULT 0;
ALTER TABLE Programmes ADD MinCoachingCalls INT NOT NULL CONSTRAINT DF_Programmes_MinCoachingCalls DEFAULT 0;
ALTER TABLE Programmes ADD AlumniCategoryId BIGINT NULL;
ALTER TABLE ProgrammeCohorts ADD CategoryId BIGINT NULL;

-- A participant's coach for the programme is an ordinary mentoring relationship; its sessions are the coaching calls.
ALTER TABLE CohortApplications ADD CoachRelationshipId BIGINT NULL;
ALTER TABLE CohortApplications ADD CompletedAt DATETIMEOFFSET NULL;
ALTER TABLE CohortApplications ADD PracticeSignedOffAt DATETIMEOFFSET NULL;

-- Status: Present, Late, Excused, Absent, NotExpected. A room join counts as present until someone records otherwise.
CREATE TABLE SessionAttendance (
    SessionId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    Status NVARCHAR(20) NOT NULL,
    RecordedAt DATETIMEOFFSET NOT NULL,
    CatchUpOfferedAt DATETIMEOFFSET NULL,
    CONSTRAINT PK_SessionAttendance PRIMARY KEY (SessionId, MemberId),
    CONSTRAINT FK_SessionAttendance_Sessions FOREIGN KEY (SessionId) REFERENCES CohortSessions (Id) ON DELETE CASCADE,
    CONSTRAINT FK_SessionAttendance_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SessionAttendance_MemberId ON SessionAttendance (MemberId);

-- A certificate keeps the name and programme as they were when it was issued. Anyone with the code can check a
-- public certificate; a private one is seen only by its holder. Revoking keeps the row and says why.
CREATE TABLE ProgrammeCertificates (
    Code NVARCHAR(20) NOT NULL CONSTRAINT PK_ProgrammeCertificates PRIMARY KEY,
    ApplicationId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    ProgrammeTitle NVARCHAR(200) NOT NULL,
    CohortTitle NVARCHAR(200) NOT NULL,
    IssuedName NVARCHAR(200) NOT NULL,
    IssuedAt DATETIMEOFFSET NOT NULL,
    IsPublic BIT NOT NULL DEFAULT 0,
    RevokedAt DATETIMEOFFSET NULL,
    RevokedReason NVARCHAR(1000) NULL,
    CONSTRAINT FK_ProgrammeCertificates_Applications FOREIGN KEY (ApplicationId) REFERENCES CohortApplications (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_ProgrammeCertificates_ApplicationId ON ProgrammeCertificates (ApplicationId);
CREATE INDEX IX_ProgrammeCertificates_MemberId ON ProgrammeCertificates (MemberId);
