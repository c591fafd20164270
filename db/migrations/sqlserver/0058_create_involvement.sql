-- The pool of patient leaders (issue 20): organisations and their contacts, leaders' pool profiles, opportunities a
-- coordinator approves, applications with what each leader chose to share, the work, one ledger of claims, impact
-- answers and stories of change. Codes are those in Features/Involvement/InvolvementVocabulary.cs.
CREATE TABLE Organisations (
    Id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    Slug NVARCHAR(100) NOT NULL,
    Name NVARCHAR(300) NOT NULL,
    Kind NVARCHAR(100) NOT NULL,
    About NVARCHAR(MAX) NOT NULL CONSTRAINT DF_Organisations_About DEFAULT N'',
    Website NVARCHAR(300) NOT NULL CONSTRAINT DF_Organisations_Website DEFAULT N'',
    VerifiedAt DATETIMEOFFSET NULL,
    PausedAt DATETIMEOFFSET NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX UX_Organisations_Slug ON Organisations (Slug);

-- Opt-in. Themes are lived-experience themes the leader lets matching name; PrivateThemes count and are never named.
-- AccessNeeds are health data, seen by an organisation only on an application where the leader ticked to share them.
CREATE TABLE PoolMembers (
    MemberId BIGINT NOT NULL PRIMARY KEY,
    Kinds NVARCHAR(MAX) NOT NULL,
    Skills NVARCHAR(MAX) NOT NULL CONSTRAINT DF_PoolMembers_Skills DEFAULT N'',
    RolesHeld NVARCHAR(MAX) NOT NULL CONSTRAINT DF_PoolMembers_RolesHeld DEFAULT N'',
    Region NVARCHAR(100) NOT NULL CONSTRAINT DF_PoolMembers_Region DEFAULT N'',
    Remote BIT NOT NULL CONSTRAINT DF_PoolMembers_Remote DEFAULT 0,
    Telephone BIT NOT NULL CONSTRAINT DF_PoolMembers_Telephone DEFAULT 0,
    Availability NVARCHAR(MAX) NOT NULL CONSTRAINT DF_PoolMembers_Availability DEFAULT N'',
    Themes NVARCHAR(MAX) NOT NULL CONSTRAINT DF_PoolMembers_Themes DEFAULT N'',
    PrivateThemes NVARCHAR(MAX) NOT NULL CONSTRAINT DF_PoolMembers_PrivateThemes DEFAULT N'',
    AccessNeeds NVARCHAR(MAX) NOT NULL CONSTRAINT DF_PoolMembers_AccessNeeds DEFAULT N'',
    Payment NVARCHAR(100) NOT NULL,
    DigestSentAt DATETIMEOFFSET NULL,
    JoinedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_PoolMembers_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

CREATE TABLE Opportunities (
    Id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    OrganisationId BIGINT NOT NULL,
    Title NVARCHAR(300) NOT NULL,
    Kind NVARCHAR(100) NOT NULL,
    Difference NVARCHAR(MAX) NOT NULL,
    TimeCommitment NVARCHAR(300) NOT NULL,
    StartsOn DATE NOT NULL,
    EndsOn DATE NOT NULL,
    Place NVARCHAR(100) NOT NULL,
    Venue NVARCHAR(300) NOT NULL CONSTRAINT DF_Opportunities_Venue DEFAULT N'',
    Region NVARCHAR(100) NOT NULL CONSTRAINT DF_Opportunities_Region DEFAULT N'',
    PaymentLevel NVARCHAR(100) NOT NULL,
    HourlyRatePence INT NOT NULL CONSTRAINT DF_Opportunities_HourlyRatePence DEFAULT 0,
    Expenses NVARCHAR(MAX) NOT NULL CONSTRAINT DF_Opportunities_Expenses DEFAULT N'',
    Support NVARCHAR(MAX) NOT NULL CONSTRAINT DF_Opportunities_Support DEFAULT N'',
    ExperienceSought NVARCHAR(MAX) NOT NULL CONSTRAINT DF_Opportunities_ExperienceSought DEFAULT N'',
    Themes NVARCHAR(MAX) NOT NULL CONSTRAINT DF_Opportunities_Themes DEFAULT N'',
    PeopleWanted INT NOT NULL,
    ClosesOn DATE NOT NULL,
    ContactName NVARCHAR(300) NOT NULL,
    ContactEmail NVARCHAR(300) NOT NULL,
    Status NVARCHAR(100) NOT NULL,
    ReviewNote NVARCHAR(MAX) NOT NULL CONSTRAINT DF_Opportunities_ReviewNote DEFAULT N'',
    CreatedById BIGINT NULL, -- who wrote it; no foreign key, so erasing a member leaves the opportunity
    ApprovedAt DATETIMEOFFSET NULL,
    MatchesSentAt DATETIMEOFFSET NULL,
    ClosingNoticeSentAt DATETIMEOFFSET NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_Opportunities_Organisations FOREIGN KEY (OrganisationId) REFERENCES Organisations (Id)
);
CREATE INDEX IX_Opportunities_Status ON Opportunities (Status, ClosesOn);
CREATE INDEX IX_Opportunities_OrganisationId ON Opportunities (OrganisationId, Status);

-- What a leader shared with this one application is copied here when they tick to share it, and cleared when they
-- take it back; OpportunitySharing records each share and withdrawal for the leader to see.
CREATE TABLE OpportunityApplications (
    Id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    OpportunityId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    Statement NVARCHAR(MAX) NOT NULL,
    Payment NVARCHAR(100) NOT NULL,
    SharedLivedExperience NVARCHAR(MAX) NOT NULL CONSTRAINT DF_OpportunityApplications_SharedLivedExperience DEFAULT N'',
    SharedAccessNeeds NVARCHAR(MAX) NOT NULL CONSTRAINT DF_OpportunityApplications_SharedAccessNeeds DEFAULT N'',
    Status NVARCHAR(100) NOT NULL,
    Feedback NVARCHAR(MAX) NOT NULL CONSTRAINT DF_OpportunityApplications_Feedback DEFAULT N'',
    AppliedAt DATETIMEOFFSET NOT NULL,
    DecidedAt DATETIMEOFFSET NULL,
    ConfirmedAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_OpportunityApplications_Opportunities FOREIGN KEY (OpportunityId) REFERENCES Opportunities (Id) ON DELETE CASCADE,
    CONSTRAINT FK_OpportunityApplications_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_OpportunityApplications_Member ON OpportunityApplications (OpportunityId, MemberId);
CREATE INDEX IX_OpportunityApplications_MemberId ON OpportunityApplications (MemberId);

CREATE TABLE OpportunitySharing (
    Id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    ApplicationId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    OrganisationId BIGINT NOT NULL,
    What NVARCHAR(100) NOT NULL,
    Action NVARCHAR(100) NOT NULL,
    OccurredAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_OpportunitySharing_Applications FOREIGN KEY (ApplicationId) REFERENCES OpportunityApplications (Id) ON DELETE CASCADE
);
CREATE INDEX IX_OpportunitySharing_MemberId ON OpportunitySharing (MemberId, OccurredAt);

-- A confirmed piece of work: one per confirmed application. Ends when both sides have answered the impact questions.
CREATE TABLE Engagements (
    Id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    ApplicationId BIGINT NOT NULL,
    OpportunityId BIGINT NOT NULL,
    OrganisationId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    ConfirmedAt DATETIMEOFFSET NOT NULL,
    EndedAt DATETIMEOFFSET NULL,
    ImpactRemindedAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_Engagements_Applications FOREIGN KEY (ApplicationId) REFERENCES OpportunityApplications (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_Engagements_ApplicationId ON Engagements (ApplicationId);
CREATE INDEX IX_Engagements_OrganisationId ON Engagements (OrganisationId);
CREATE INDEX IX_Engagements_MemberId ON Engagements (MemberId);

-- One ledger of paid work: hours and expenses on an engagement (approved by its organisation) and programme delivery
-- (recorded by a programme coordinator, paid by the Centre). Fees and expenses are never on one line.
CREATE TABLE WorkClaims (
    Id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    MemberId BIGINT NOT NULL,
    EngagementId BIGINT NULL,
    CohortId BIGINT NULL,
    Kind NVARCHAR(100) NOT NULL,
    WorkedOn DATE NOT NULL,
    Minutes INT NOT NULL CONSTRAINT DF_WorkClaims_Minutes DEFAULT 0,
    FeePence INT NOT NULL CONSTRAINT DF_WorkClaims_FeePence DEFAULT 0,
    ExpensePence INT NOT NULL CONSTRAINT DF_WorkClaims_ExpensePence DEFAULT 0,
    Description NVARCHAR(MAX) NOT NULL,
    ReceiptFileId NVARCHAR(40) NULL,
    Status NVARCHAR(100) NOT NULL,
    QueryReason NVARCHAR(MAX) NOT NULL CONSTRAINT DF_WorkClaims_QueryReason DEFAULT N'',
    SubmittedAt DATETIMEOFFSET NOT NULL,
    DecidedAt DATETIMEOFFSET NULL,
    DecidedById BIGINT NULL,
    PaidOn DATE NULL,
    OverdueNoticeSentAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_WorkClaims_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_WorkClaims_Engagements FOREIGN KEY (EngagementId) REFERENCES Engagements (Id),
    CONSTRAINT FK_WorkClaims_Files FOREIGN KEY (ReceiptFileId) REFERENCES UploadedFiles (Id)
);
CREATE INDEX IX_WorkClaims_MemberId ON WorkClaims (MemberId, WorkedOn);
CREATE INDEX IX_WorkClaims_EngagementId ON WorkClaims (EngagementId);
CREATE INDEX IX_WorkClaims_Status ON WorkClaims (Status, SubmittedAt);

-- After GRIPP2: what decision was influenced, what changed, whether the recommendation was adopted, in each side's words.
CREATE TABLE ImpactAnswers (
    EngagementId BIGINT NOT NULL,
    Side NVARCHAR(100) NOT NULL,
    DecisionInfluenced NVARCHAR(100) NOT NULL,
    WhatChanged NVARCHAR(MAX) NOT NULL,
    Adopted NVARCHAR(100) NOT NULL,
    Reflection NVARCHAR(MAX) NOT NULL CONSTRAINT DF_ImpactAnswers_Reflection DEFAULT N'',
    AnsweredById BIGINT NULL,
    AnsweredAt DATETIMEOFFSET NOT NULL,
    PRIMARY KEY (EngagementId, Side),
    CONSTRAINT FK_ImpactAnswers_Engagements FOREIGN KEY (EngagementId) REFERENCES Engagements (Id) ON DELETE CASCADE
);

-- A story of change: the leader offers it, a coordinator edits it with them, and only the text the leader approved
-- is published, named or anonymous. Withdrawing takes it off /stories.
CREATE TABLE Stories (
    Id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    MemberId BIGINT NOT NULL,
    EngagementId BIGINT NULL,
    Title NVARCHAR(300) NOT NULL,
    Body NVARCHAR(MAX) NOT NULL,
    Named BIT NOT NULL CONSTRAINT DF_Stories_Named DEFAULT 0,
    Status NVARCHAR(100) NOT NULL,
    EditorNote NVARCHAR(MAX) NOT NULL CONSTRAINT DF_Stories_EditorNote DEFAULT N'',
    ApprovedAt DATETIMEOFFSET NULL,
    PublishedAt DATETIMEOFFSET NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_Stories_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_Stories_Engagements FOREIGN KEY (EngagementId) REFERENCES Engagements (Id)
);
CREATE INDEX IX_Stories_Status ON Stories (Status, PublishedAt);
