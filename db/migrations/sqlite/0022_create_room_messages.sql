-- Chat in a set's room. Seq is per set, from Sets.LastMessageSeq, written before any broadcast.
-- (SetId, AuthorId, ClientMessageId) makes a retried send store once. MeetingId has no foreign key:
-- SQL Server allows only one cascade path from Sets.
CREATE TABLE RoomMessages (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    SetId INTEGER NOT NULL,
    MeetingId INTEGER NULL,
    Seq INTEGER NOT NULL,
    AuthorId INTEGER NOT NULL,
    ClientMessageId TEXT NOT NULL,
    Body TEXT NOT NULL,
    PostedAt TEXT NOT NULL,
    FlaggedAsAdvice INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT FK_RoomMessages_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id) ON DELETE CASCADE,
    CONSTRAINT FK_RoomMessages_Members FOREIGN KEY (AuthorId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_RoomMessages_Seq ON RoomMessages (SetId, Seq);
CREATE UNIQUE INDEX UX_RoomMessages_ClientMessageId ON RoomMessages (SetId, AuthorId, ClientMessageId);
CREATE INDEX IX_RoomMessages_MeetingId ON RoomMessages (MeetingId);
CREATE INDEX IX_RoomMessages_AuthorId ON RoomMessages (AuthorId);
