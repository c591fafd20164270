-- In-app notifications. Written in the same transaction as the post that causes them. ActorMemberId has no
-- foreign key (a second path from Members would be a multiple cascade path on SQL Server); erasure clears it.
CREATE TABLE Notifications (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MemberId INTEGER NOT NULL,
    Kind TEXT NOT NULL,
    ThreadId INTEGER NULL,
    PostId INTEGER NULL,
    ActorMemberId INTEGER NULL,
    CreatedAt TEXT NOT NULL,
    ReadAt TEXT NULL,
    CONSTRAINT FK_Notifications_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_Notifications_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id),
    CONSTRAINT FK_Notifications_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
-- The list (newest first) and the header's unread count.
CREATE INDEX IX_Notifications_MemberId_Id ON Notifications (MemberId, Id);
CREATE INDEX IX_Notifications_MemberId_ReadAt ON Notifications (MemberId, ReadAt);
CREATE INDEX IX_Notifications_ActorMemberId ON Notifications (ActorMemberId);
