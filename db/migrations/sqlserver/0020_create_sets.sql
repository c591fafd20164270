-- Action learning sets. The facilitator is not cascaded from Members (SQL Server allows one cascade path
-- per table); erasing a facilitator first clears Sets.FacilitatorId through SetStore.
CREATE TABLE Sets (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Sets PRIMARY KEY,
    Name NVARCHAR(100) NOT NULL,
    Purpose NVARCHAR(1000) NOT NULL,
    FacilitatorId BIGINT NULL,
    GroundRules NVARCHAR(MAX) NOT NULL,
    GroundRulesVersion INT NOT NULL DEFAULT 1,
    Quorum INT NOT NULL,
    KeepChat BIT NOT NULL DEFAULT 0,
    LastMessageSeq BIGINT NOT NULL DEFAULT 0,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_Sets_Members FOREIGN KEY (FacilitatorId) REFERENCES Members (Id)
);
CREATE INDEX IX_Sets_FacilitatorId ON Sets (FacilitatorId);

CREATE TABLE SetMembers (
    SetId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    AddedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_SetMembers PRIMARY KEY (SetId, MemberId),
    CONSTRAINT FK_SetMembers_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id) ON DELETE CASCADE,
    CONSTRAINT FK_SetMembers_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SetMembers_MemberId ON SetMembers (MemberId, SetId);

-- One row per member per version of the ground rules they agreed to.
CREATE TABLE GroundRuleAcceptances (
    SetId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    Version INT NOT NULL,
    AcceptedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_GroundRuleAcceptances PRIMARY KEY (SetId, MemberId, Version),
    CONSTRAINT FK_GroundRuleAcceptances_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id) ON DELETE CASCADE,
    CONSTRAINT FK_GroundRuleAcceptances_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
