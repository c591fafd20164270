-- The pool of patient leaders (issue 20): organisations and their contacts, leaders' pool profiles, opportunities a
-- coordinator approves, applications with what each leader chose to share, the work, one ledger of claims, impact
-- answers and stories of change. Codes are those in Features/Involvement/InvolvementVocabulary.cs.
CREATE TABLE Organisations (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    Slug TEXT NOT NULL,
    Name TEXT NOT NULL,
    Kind TEXT NOT NULL,
    About TEXT NOT NULL DEFAULT '',
    Website TEXT NOT NULL DEFAULT '',
    VerifiedAt TEXT NULL,
    PausedAt TEXT NULL,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL
);
CREATE UNIQUE INDEX UX_Organisations_Slug ON Organisations (Slug);

-- Opt-in. Themes are lived-experience themes the leader lets matching name; PrivateThemes count and are never named.
-- AccessNeeds are health data, seen by an organisation only on an application where the leader ticked to share them.
CREATE TABLE PoolMembers (
    MemberId INTEGER NOT NULL PRIMARY KEY,
    Kinds TEXT NOT NULL,
    Skills TEXT NOT NULL DEFAULT '',
    RolesHeld TEXT NOT NULL DEFAULT '',
    Region TEXT NOT NULL DEFAULT '',
    Remote INTEGER NOT NULL DEFAULT 0,
    Telephone INTEGER NOT NULL DEFAULT 0,
    Availability TEXT NOT NULL DEFAULT '',
    Themes TEXT NOT NULL DEFAULT '',
    PrivateThemes TEXT NOT NULL DEFAULT '',
    AccessNeeds TEXT NOT NULL DEFAULT '',
    Payment TEXT NOT NULL,
    DigestSentAt TEXT NULL,
    JoinedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_PoolMembers_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

CREATE TABLE Opportunities (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    OrganisationId INTEGER NOT NULL,
    Title TEXT NOT NULL,
    Kind TEXT NOT NULL,
    Difference TEXT NOT NULL,
    TimeCommitment TEXT NOT NULL,
    StartsOn TEXT NOT NULL,
    EndsOn TEXT NOT NULL,
    Place TEXT NOT NULL,
    Venue TEXT NOT NULL DEFAULT '',
    Region TEXT NOT NULL DEFAULT '',
    PaymentLevel TEXT NOT NULL,
    HourlyRatePence INTEGER NOT NULL DEFAULT 0,
    Expenses TEXT NOT NULL DEFAULT '',
    Support TEXT NOT NULL DEFAULT '',
    ExperienceSought TEXT NOT NULL DEFAULT '',
    Themes TEXT NOT NULL DEFAULT '',
    PeopleWanted INTEGER NOT NULL,
    ClosesOn TEXT NOT NULL,
    ContactName TEXT NOT NULL,
    ContactEmail TEXT NOT NULL,
    Status TEXT NOT NULL,
    ReviewNote TEXT NOT NULL DEFAULT '',
    CreatedById INTEGER NULL, -- who wrote it; no foreign key, so erasing a member leaves the opportunity
    ApprovedAt TEXT NULL,
    MatchesSentAt TEXT NULL,
    ClosingNoticeSentAt TEXT NULL,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_Opportunities_Organisations FOREIGN KEY (OrganisationId) REFERENCES Organisations (Id)
);
CREATE INDEX IX_Opportunities_Status ON Opportunities (Status, ClosesOn);
CREATE INDEX IX_Opportunities_OrganisationId ON Opportunities (OrganisationId, Status);

-- What a leader shared with this one application is copied here when they tick to share it, and cleared when they
-- take it back; OpportunitySharing records each share and withdrawal for the leader to see.
CREATE TABLE OpportunityApplications (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    OpportunityId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    Statement TEXT NOT NULL,
    Payment TEXT NOT NULL,
    SharedLivedExperience TEXT NOT NULL DEFAULT '',
    SharedAccessNeeds TEXT NOT NULL DEFAULT '',
    Status TEXT NOT NULL,
    Feedback TEXT NOT NULL DEFAULT '',
    AppliedAt TEXT NOT NULL,
    DecidedAt TEXT NULL,
    ConfirmedAt TEXT NULL,
    CONSTRAINT FK_OpportunityApplications_Opportunities FOREIGN KEY (OpportunityId) REFERENCES Opportunities (Id) ON DELETE CASCADE,
    CONSTRAINT FK_OpportunityApplications_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_OpportunityApplications_Member ON OpportunityApplications (OpportunityId, MemberId);
CREATE INDEX IX_OpportunityApplications_MemberId ON OpportunityApplications (MemberId);

CREATE TABLE OpportunitySharing (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    ApplicationId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    OrganisationId INTEGER NOT NULL,
    What TEXT NOT NULL,
    Action TEXT NOT NULL,
    OccurredAt TEXT NOT NULL,
    CONSTRAINT FK_OpportunitySharing_Applications FOREIGN KEY (ApplicationId) REFERENCES OpportunityApplications (Id) ON DELETE CASCADE
);
CREATE INDEX IX_OpportunitySharing_MemberId ON OpportunitySharing (MemberId, OccurredAt);

-- A confirmed piece of work: one per confirmed application. Ends when both sides have answered the impact questions.
CREATE TABLE Engagements (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    ApplicationId INTEGER NOT NULL,
    OpportunityId INTEGER NOT NULL,
    OrganisationId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    ConfirmedAt TEXT NOT NULL,
    EndedAt TEXT NULL,
    ImpactRemindedAt TEXT NULL,
    CONSTRAINT FK_Engagements_Applications FOREIGN KEY (ApplicationId) REFERENCES OpportunityApplications (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_Engagements_ApplicationId ON Engagements (ApplicationId);
CREATE INDEX IX_Engagements_OrganisationId ON Engagements (OrganisationId);
CREATE INDEX IX_Engagements_MemberId ON Engagements (MemberId);

-- One ledger of paid work: hours and expenses on an engagement (approved by its organisation) and programme delivery
-- (recorded by a programme coordinator, paid by the Centre). Fees and expenses are never on one line.
CREATE TABLE WorkClaims (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MemberId INTEGER NOT NULL,
    EngagementId INTEGER NULL,
    CohortId INTEGER NULL,
    Kind TEXT NOT NULL,
    WorkedOn TEXT NOT NULL,
    Minutes INTEGER NOT NULL DEFAULT 0,
    FeePence INTEGER NOT NULL DEFAULT 0,
    ExpensePence INTEGER NOT NULL DEFAULT 0,
    Description TEXT NOT NULL,
    ReceiptFileId TEXT NULL,
    Status TEXT NOT NULL,
    QueryReason TEXT NOT NULL DEFAULT '',
    SubmittedAt TEXT NOT NULL,
    DecidedAt TEXT NULL,
    DecidedById INTEGER NULL,
    PaidOn TEXT NULL,
    OverdueNoticeSentAt TEXT NULL,
    CONSTRAINT FK_WorkClaims_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_WorkClaims_Engagements FOREIGN KEY (EngagementId) REFERENCES Engagements (Id) ON DELETE CASCADE,
    CONSTRAINT FK_WorkClaims_Files FOREIGN KEY (ReceiptFileId) REFERENCES UploadedFiles (Id)
);
CREATE INDEX IX_WorkClaims_MemberId ON WorkClaims (MemberId, WorkedOn);
CREATE INDEX IX_WorkClaims_EngagementId ON WorkClaims (EngagementId);
CREATE INDEX IX_WorkClaims_Status ON WorkClaims (Status, SubmittedAt);

-- After GRIPP2: what decision was influenced, what changed, whether the recommendation was adopted, in each side's words.
CREATE TABLE ImpactAnswers (
    EngagementId INTEGER NOT NULL,
    Side TEXT NOT NULL,
    DecisionInfluenced TEXT NOT NULL,
    WhatChanged TEXT NOT NULL,
    Adopted TEXT NOT NULL,
    Reflection TEXT NOT NULL DEFAULT '',
    AnsweredById INTEGER NULL,
    AnsweredAt TEXT NOT NULL,
    PRIMARY KEY (EngagementId, Side),
    CONSTRAINT FK_ImpactAnswers_Engagements FOREIGN KEY (EngagementId) REFERENCES Engagements (Id) ON DELETE CASCADE
);

-- A story of change: the leader offers it, a coordinator edits it with them, and only the text the leader approved
-- is published, named or anonymous. Withdrawing takes it off /stories.
CREATE TABLE Stories (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MemberId INTEGER NOT NULL,
    EngagementId INTEGER NULL,
    Title TEXT NOT NULL,
    Body TEXT NOT NULL,
    Named INTEGER NOT NULL DEFAULT 0,
    Status TEXT NOT NULL,
    EditorNote TEXT NOT NULL DEFAULT '',
    ApprovedAt TEXT NULL,
    PublishedAt TEXT NULL,
    CreatedAt TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_Stories_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_Stories_Engagements FOREIGN KEY (EngagementId) REFERENCES Engagements (Id)
);
CREATE INDEX IX_Stories_Status ON Stories (Status, PublishedAt);
