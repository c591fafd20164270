-- Private messages between members: one-to-one or a small group. Moderators cannot read them; a reported message is
-- shown to them with a little context, and each reading is written in the moderation log.
CREATE TABLE Conversations (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    Subject TEXT NOT NULL DEFAULT '',
    CreatedAt TEXT NOT NULL,
    LastMessageAt TEXT NOT NULL,
    LastSeq INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ConversationMembers (
    ConversationId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    LastReadSeq INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT PK_ConversationMembers PRIMARY KEY (ConversationId, MemberId),
    CONSTRAINT FK_ConversationMembers_Conversations FOREIGN KEY (ConversationId) REFERENCES Conversations (Id) ON DELETE CASCADE,
    CONSTRAINT FK_ConversationMembers_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_ConversationMembers_MemberId ON ConversationMembers (MemberId, ConversationId);

CREATE TABLE DirectMessages (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    ConversationId INTEGER NOT NULL,
    Seq INTEGER NOT NULL,
    SenderId INTEGER NULL,
    Body TEXT NOT NULL,
    SentAt TEXT NOT NULL,
    CONSTRAINT FK_DirectMessages_Conversations FOREIGN KEY (ConversationId) REFERENCES Conversations (Id) ON DELETE CASCADE,
    CONSTRAINT FK_DirectMessages_Members FOREIGN KEY (SenderId) REFERENCES Members (Id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX UX_DirectMessages_Seq ON DirectMessages (ConversationId, Seq);

CREATE TABLE MemberBlocks (
    BlockerId INTEGER NOT NULL,
    BlockedId INTEGER NOT NULL,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT PK_MemberBlocks PRIMARY KEY (BlockerId, BlockedId),
    CONSTRAINT FK_MemberBlocks_Blocker FOREIGN KEY (BlockerId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MemberBlocks_Blocked FOREIGN KEY (BlockedId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_MemberBlocks_BlockedId ON MemberBlocks (BlockedId);

CREATE TABLE MessageReports (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MessageId INTEGER NOT NULL,
    ReporterId INTEGER NULL,
    Note TEXT NOT NULL DEFAULT '',
    CreatedAt TEXT NOT NULL,
    ResolvedAt TEXT NULL,
    Resolution TEXT NOT NULL DEFAULT '',
    CONSTRAINT FK_MessageReports_Messages FOREIGN KEY (MessageId) REFERENCES DirectMessages (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MessageReports_Members FOREIGN KEY (ReporterId) REFERENCES Members (Id) ON DELETE SET NULL
);
CREATE INDEX IX_MessageReports_ResolvedAt ON MessageReports (ResolvedAt, Id);
