-- Outcomes (issue 19). Each participant answers at the start, the end, and 3 and 6 months after: the General
-- Self-Efficacy Scale (10 items, 1-4) and the programme's own confidence items (1-5), which coordinators edit.
-- Answers are personal health-related data: the member sees their own; staff see aggregates of 10 or more only.
CREATE TABLE ProgrammeOutcomeItems (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ProgrammeOutcomeItems PRIMARY KEY,
    ProgrammeId BIGINT NOT NULL,
    Position INT NOT NULL,
    Text NVARCHAR(500) NOT NULL,
    IsRetired BIT NOT NULL DEFAULT 0,
    CONSTRAINT FK_ProgrammeOutcomeItems_Programmes FOREIGN KEY (ProgrammeId) REFERENCES Programmes (Id) ON DELETE CASCADE
);
CREATE INDEX IX_ProgrammeOutcomeItems_ProgrammeId ON ProgrammeOutcomeItems (ProgrammeId, Position);

-- One row per participant and time point: made when they are invited, completed when they answer. GseTotal is
-- 10-40; ConfidenceMean is 1-5; FollowUps holds the "since the programme I have..." codes, comma-separated.
CREATE TABLE OutcomeResponses (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_OutcomeResponses PRIMARY KEY,
    ApplicationId BIGINT NOT NULL,
    Timepoint NVARCHAR(20) NOT NULL,
    InvitedAt DATETIMEOFFSET NOT NULL,
    SubmittedAt DATETIMEOFFSET NULL,
    GseTotal INT NULL,
    ConfidenceMean FLOAT NULL,
    FollowUps NVARCHAR(400) NOT NULL DEFAULT '',
    CONSTRAINT FK_OutcomeResponses_Applications FOREIGN KEY (ApplicationId) REFERENCES CohortApplications (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_OutcomeResponses_ApplicationTimepoint ON OutcomeResponses (ApplicationId, Timepoint);
CREATE INDEX IX_OutcomeResponses_Timepoint ON OutcomeResponses (Timepoint, SubmittedAt);

-- ItemKey: gse1..gse10, or c{ProgrammeOutcomeItems.Id}.
CREATE TABLE OutcomeAnswers (
    ResponseId BIGINT NOT NULL,
    ItemKey NVARCHAR(20) NOT NULL,
    Value INT NOT NULL,
    CONSTRAINT PK_OutcomeAnswers PRIMARY KEY (ResponseId, ItemKey),
    CONSTRAINT FK_OutcomeAnswers_Responses FOREIGN KEY (ResponseId) REFERENCES OutcomeResponses (Id) ON DELETE CASCADE
);
