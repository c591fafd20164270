-- Private messages between members: one-to-one or a small group. Moderators cannot read them; a reported message is
-- shown to them with a little context, and each reading is written in the moderation log.
CREATE TABLE Conversations (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Conversations PRIMARY KEY,
    Subject NVARCHAR(150) NOT NULL CONSTRAINT DF_Conversations_Subject DEFAULT N'',
    CreatedAt DATETIMEOFFSET NOT NULL,
    LastMessageAt DATETIMEOFFSET NOT NULL,
    LastSeq BIGINT NOT NULL CONSTRAINT DF_Conversations_LastSeq DEFAULT 0
);

CREATE TABLE ConversationMembers (
    ConversationId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    LastReadSeq BIGINT NOT NULL CONSTRAINT DF_ConversationMembers_LastReadSeq DEFAULT 0,
    CONSTRAINT PK_ConversationMembers PRIMARY KEY (ConversationId, MemberId),
    CONSTRAINT FK_ConversationMembers_Conversations FOREIGN KEY (ConversationId) REFERENCES Conversations (Id) ON DELETE CASCADE,
    CONSTRAINT FK_ConversationMembers_Members FOREIGN KEY (MemberId) REFERENCES Members (Id)
);
CREATE INDEX IX_ConversationMembers_MemberId ON ConversationMembers (MemberId, ConversationId);

CREATE TABLE DirectMessages (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_DirectMessages PRIMARY KEY,
    ConversationId BIGINT NOT NULL,
    Seq BIGINT NOT NULL,
    SenderId BIGINT NULL,
    Body NVARCHAR(MAX) NOT NULL,
    SentAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_DirectMessages_Conversations FOREIGN KEY (ConversationId) REFERENCES Conversations (Id) ON DELETE CASCADE,
    CONSTRAINT FK_DirectMessages_Members FOREIGN KEY (SenderId) REFERENCES Members (Id)
);
CREATE UNIQUE INDEX UX_DirectMessages_Seq ON DirectMessages (ConversationId, Seq);

CREATE TABLE MemberBlocks (
    BlockerId BIGINT NOT NULL,
    BlockedId BIGINT NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_MemberBlocks PRIMARY KEY (BlockerId, BlockedId),
    CONSTRAINT FK_MemberBlocks_Blocker FOREIGN KEY (BlockerId) REFERENCES Members (Id),
    CONSTRAINT FK_MemberBlocks_Blocked FOREIGN KEY (BlockedId) REFERENCES Members (Id)
);
CREATE INDEX IX_MemberBlocks_BlockedId ON MemberBlocks (BlockedId);

CREATE TABLE MessageReports (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MessageReports PRIMARY KEY,
    MessageId BIGINT NOT NULL,
    ReporterId BIGINT NULL,
    Note NVARCHAR(500) NOT NULL CONSTRAINT DF_MessageReports_Note DEFAULT N'',
    CreatedAt DATETIMEOFFSET NOT NULL,
    ResolvedAt DATETIMEOFFSET NULL,
    Resolution NVARCHAR(500) NOT NULL CONSTRAINT DF_MessageReports_Resolution DEFAULT N'',
    CONSTRAINT FK_MessageReports_Messages FOREIGN KEY (MessageId) REFERENCES DirectMessages (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MessageReports_Members FOREIGN KEY (ReporterId) REFERENCES Members (Id)
);
CREATE INDEX IX_MessageReports_ResolvedAt ON MessageReports (ResolvedAt, Id);
