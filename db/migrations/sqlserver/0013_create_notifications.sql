-- In-app notifications. Written in the same transaction as the post that causes them. ActorMemberId has no
-- foreign key (a second path from Members would be a multiple cascade path on SQL Server); erasure clears it.
CREATE TABLE Notifications (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Notifications PRIMARY KEY,
    MemberId BIGINT NOT NULL,
    Kind NVARCHAR(20) NOT NULL,
    ThreadId BIGINT NULL,
    PostId BIGINT NULL,
    ActorMemberId BIGINT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    ReadAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_Notifications_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_Notifications_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id),
    CONSTRAINT FK_Notifications_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
-- The list (newest first) and the header's unread count.
CREATE INDEX IX_Notifications_MemberId_Id ON Notifications (MemberId, Id);
CREATE INDEX IX_Notifications_MemberId_ReadAt ON Notifications (MemberId, ReadAt);
CREATE INDEX IX_Notifications_ActorMemberId ON Notifications (ActorMemberId);
