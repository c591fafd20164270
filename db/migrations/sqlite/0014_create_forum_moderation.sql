-- Reports ("flags") from members and an audit log of every moderation action. Member references have no
-- foreign keys; ForumMemberData.EraseAsync clears them.
CREATE TABLE PostFlags (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    PostId INTEGER NOT NULL,
    FlaggerMemberId INTEGER NULL,
    Reason TEXT NOT NULL,
    Note TEXT NOT NULL DEFAULT '',
    CreatedAt TEXT NOT NULL,
    ResolvedAt TEXT NULL,
    ResolvedByMemberId INTEGER NULL,
    Resolution TEXT NULL,
    CONSTRAINT FK_PostFlags_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
-- The queue: open flags, oldest first.
CREATE INDEX IX_PostFlags_ResolvedAt ON PostFlags (ResolvedAt, Id);
CREATE INDEX IX_PostFlags_PostId ON PostFlags (PostId);
CREATE INDEX IX_PostFlags_FlaggerMemberId ON PostFlags (FlaggerMemberId);

CREATE TABLE ModerationActions (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    ModeratorMemberId INTEGER NULL,
    Action TEXT NOT NULL,
    ThreadId INTEGER NULL,
    PostId INTEGER NULL,
    Reason TEXT NOT NULL DEFAULT '',
    CreatedAt TEXT NOT NULL
);
CREATE INDEX IX_ModerationActions_CreatedAt ON ModerationActions (CreatedAt);
CREATE INDEX IX_ModerationActions_ModeratorMemberId ON ModerationActions (ModeratorMemberId);
