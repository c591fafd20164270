-- A cohort's calendar sequence rises with each change of its dates, so the update replaces the entries people
-- already have. RunAbroad counts the cohort towards the Centre's goal for programmes outside the UK.
ALTER TABLE ProgrammeCohorts ADD COLUMN CalendarSequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ProgrammeCohorts ADD COLUMN RunAbroad INTEGER NOT NULL DEFAULT 0;

-- Partnership programmes: participants say whether they come as a patient leader, a clinician or a manager, and
-- from which organisation; coordinators form trios of one of each from one organisation, each with its own room.
ALTER TABLE CohortApplications ADD COLUMN TakingPartAs TEXT NOT NULL DEFAULT 'PatientLeader';
ALTER TABLE CohortApplications ADD COLUMN Organisation TEXT NOT NULL DEFAULT '';

CREATE TABLE CohortTrios (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId INTEGER NOT NULL,
    SetId INTEGER NOT NULL,
    Organisation TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT FK_CohortTrios_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortTrios_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id)
);
CREATE INDEX IX_CohortTrios_CohortId ON CohortTrios (CohortId);
