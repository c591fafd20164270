-- Chat in a set's room. Seq is per set, from Sets.LastMessageSeq, written before any broadcast.
-- (SetId, AuthorId, ClientMessageId) makes a retried send store once. MeetingId has no foreign key:
-- SQL Server allows only one cascade path from Sets.
CREATE TABLE RoomMessages (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_RoomMessages PRIMARY KEY,
    SetId BIGINT NOT NULL,
    MeetingId BIGINT NULL,
    Seq BIGINT NOT NULL,
    AuthorId BIGINT NOT NULL,
    ClientMessageId NVARCHAR(64) NOT NULL,
    Body NVARCHAR(2000) NOT NULL,
    PostedAt DATETIMEOFFSET NOT NULL,
    FlaggedAsAdvice BIT NOT NULL DEFAULT 0,
    CONSTRAINT FK_RoomMessages_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id) ON DELETE CASCADE,
    CONSTRAINT FK_RoomMessages_Members FOREIGN KEY (AuthorId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_RoomMessages_Seq ON RoomMessages (SetId, Seq);
CREATE UNIQUE INDEX UX_RoomMessages_ClientMessageId ON RoomMessages (SetId, AuthorId, ClientMessageId);
CREATE INDEX IX_RoomMessages_MeetingId ON RoomMessages (MeetingId);
CREATE INDEX IX_RoomMessages_AuthorId ON RoomMessages (AuthorId);
