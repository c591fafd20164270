-- A cohort's calendar sequence rises with each change of its dates, so the update replaces the entries people
-- already have. RunAbroad counts the cohort towards the Centre's goal for programmes outside the UK.
ALTER TABLE ProgrammeCohorts ADD CalendarSequence INT NOT NULL CONSTRAINT DF_ProgrammeCohorts_CalendarSequence DEFAULT 0;
ALTER TABLE ProgrammeCohorts ADD RunAbroad BIT NOT NULL CONSTRAINT DF_ProgrammeCohorts_RunAbroad DEFAULT 0;

-- Partnership programmes: participants say whether they come as a patient leader, a clinician or a manager, and
-- from which organisation; coordinators form trios of one of each from one organisation, each with its own room.
ALTER TABLE CohortApplications ADD TakingPartAs NVARCHAR(20) NOT NULL CONSTRAINT DF_CohortApplications_TakingPartAs DEFAULT 'PatientLeader';
ALTER TABLE CohortApplications ADD Organisation NVARCHAR(200) NOT NULL CONSTRAINT DF_CohortApplications_Organisation DEFAULT '';

CREATE TABLE CohortTrios (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_CohortTrios PRIMARY KEY,
    CohortId BIGINT NOT NULL,
    SetId BIGINT NOT NULL,
    Organisation NVARCHAR(200) NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_CohortTrios_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortTrios_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id)
);
CREATE INDEX IX_CohortTrios_CohortId ON CohortTrios (CohortId);
