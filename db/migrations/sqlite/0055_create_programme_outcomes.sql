-- Outcomes (issue 19). Each participant answers at the start, the end, and 3 and 6 months after: the General
-- Self-Efficacy Scale (10 items, 1-4) and the programme's own confidence items (1-5), which coordinators edit.
-- Answers are personal health-related data: the member sees their own; staff see aggregates of 10 or more only.
CREATE TABLE ProgrammeOutcomeItems (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    ProgrammeId INTEGER NOT NULL,
    Position INTEGER NOT NULL,
    Text TEXT NOT NULL,
    IsRetired INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT FK_ProgrammeOutcomeItems_Programmes FOREIGN KEY (ProgrammeId) REFERENCES Programmes (Id) ON DELETE CASCADE
);
CREATE INDEX IX_ProgrammeOutcomeItems_ProgrammeId ON ProgrammeOutcomeItems (ProgrammeId, Position);

-- One row per participant and time point: made when they are invited, completed when they answer. GseTotal is
-- 10-40; ConfidenceMean is 1-5; FollowUps holds the "since the programme I have..." codes, comma-separated.
CREATE TABLE OutcomeResponses (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    ApplicationId INTEGER NOT NULL,
    Timepoint TEXT NOT NULL,
    InvitedAt TEXT NOT NULL,
    SubmittedAt TEXT NULL,
    GseTotal INTEGER NULL,
    ConfidenceMean REAL NULL,
    FollowUps TEXT NOT NULL DEFAULT '',
    CONSTRAINT FK_OutcomeResponses_Applications FOREIGN KEY (ApplicationId) REFERENCES CohortApplications (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_OutcomeResponses_ApplicationTimepoint ON OutcomeResponses (ApplicationId, Timepoint);
CREATE INDEX IX_OutcomeResponses_Timepoint ON OutcomeResponses (Timepoint, SubmittedAt);

-- ItemKey: gse1..gse10, or c{ProgrammeOutcomeItems.Id}.
CREATE TABLE OutcomeAnswers (
    ResponseId INTEGER NOT NULL,
    ItemKey TEXT NOT NULL,
    Value INTEGER NOT NULL,
    CONSTRAINT PK_OutcomeAnswers PRIMARY KEY (ResponseId, ItemKey),
    CONSTRAINT FK_OutcomeAnswers_Responses FOREIGN KEY (ResponseId) REFERENCES OutcomeResponses (Id) ON DELETE CASCADE
);
