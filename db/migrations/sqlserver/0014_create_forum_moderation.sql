-- Reports ("flags") from members and an audit log of every moderation action. Member references have no
-- foreign keys; ForumMemberData.EraseAsync clears them.
CREATE TABLE PostFlags (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_PostFlags PRIMARY KEY,
    PostId BIGINT NOT NULL,
    FlaggerMemberId BIGINT NULL,
    Reason NVARCHAR(20) NOT NULL,
    Note NVARCHAR(500) NOT NULL DEFAULT '',
    CreatedAt DATETIMEOFFSET NOT NULL,
    ResolvedAt DATETIMEOFFSET NULL,
    ResolvedByMemberId BIGINT NULL,
    Resolution NVARCHAR(500) NULL,
    CONSTRAINT FK_PostFlags_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
-- The queue: open flags, oldest first.
CREATE INDEX IX_PostFlags_ResolvedAt ON PostFlags (ResolvedAt, Id);
CREATE INDEX IX_PostFlags_PostId ON PostFlags (PostId);
CREATE INDEX IX_PostFlags_FlaggerMemberId ON PostFlags (FlaggerMemberId);

CREATE TABLE ModerationActions (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ModerationActions PRIMARY KEY,
    ModeratorMemberId BIGINT NULL,
    Action NVARCHAR(20) NOT NULL,
    ThreadId BIGINT NULL,
    PostId BIGINT NULL,
    Reason NVARCHAR(500) NOT NULL DEFAULT '',
    CreatedAt DATETIMEOFFSET NOT NULL
);
CREATE INDEX IX_ModerationActions_CreatedAt ON ModerationActions (CreatedAt);
CREATE INDEX IX_ModerationActions_ModeratorMemberId ON ModerationActions (ModeratorMemberId);
