-- Action learning sets. The facilitator is not cascaded from Members (SQL Server allows one cascade path
-- per table); erasing a facilitator first clears Sets.FacilitatorId through SetStore.
CREATE TABLE Sets (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    Name TEXT NOT NULL,
    Purpose TEXT NOT NULL,
    FacilitatorId INTEGER NULL,
    GroundRules TEXT NOT NULL,
    GroundRulesVersion INTEGER NOT NULL DEFAULT 1,
    Quorum INTEGER NOT NULL,
    KeepChat INTEGER NOT NULL DEFAULT 0,
    LastMessageSeq INTEGER NOT NULL DEFAULT 0,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT FK_Sets_Members FOREIGN KEY (FacilitatorId) REFERENCES Members (Id)
);
CREATE INDEX IX_Sets_FacilitatorId ON Sets (FacilitatorId);

CREATE TABLE SetMembers (
    SetId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    AddedAt TEXT NOT NULL,
    CONSTRAINT PK_SetMembers PRIMARY KEY (SetId, MemberId),
    CONSTRAINT FK_SetMembers_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id) ON DELETE CASCADE,
    CONSTRAINT FK_SetMembers_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SetMembers_MemberId ON SetMembers (MemberId, SetId);

-- One row per member per version of the ground rules they agreed to.
CREATE TABLE GroundRuleAcceptances (
    SetId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    Version INTEGER NOT NULL,
    AcceptedAt TEXT NOT NULL,
    CONSTRAINT PK_GroundRuleAcceptances PRIMARY KEY (SetId, MemberId, Version),
    CONSTRAINT FK_GroundRuleAcceptances_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id) ON DELETE CASCADE,
    CONSTRAINT FK_GroundRuleAcceptances_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
