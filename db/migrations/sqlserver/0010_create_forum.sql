-- The discussion forum. Nothing here is ever hard-deleted (posts are soft-deleted or hidden), so no cascades run
-- between forum tables. Rows that belong to one member cascade with the member; every other member reference is
-- cleared by ForumMemberData.EraseAsync before the member row goes (SQL Server refuses multiple cascade paths).

CREATE TABLE ForumCategories (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ForumCategories PRIMARY KEY,
    Slug NVARCHAR(60) NOT NULL,
    Name NVARCHAR(80) NOT NULL,
    Description NVARCHAR(500) NOT NULL DEFAULT '',
    Position INT NOT NULL,
    Icon NVARCHAR(20) NOT NULL DEFAULT 'chat',
    Colour NVARCHAR(20) NOT NULL DEFAULT 'blue',
    IsPublic BIT NOT NULL DEFAULT 0,
    RequiredRoles NVARCHAR(200) NOT NULL DEFAULT '',
    ThreadCount INT NOT NULL DEFAULT 0,
    ActivityCounter BIGINT NOT NULL DEFAULT 0,
    CreatedAt DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX UX_ForumCategories_Slug ON ForumCategories (Slug);

-- SortKey orders a category's list: ActivitySeq (a per-category counter bumped on every new post), plus a large
-- constant while pinned. One integer makes the list a single keyset over IX_Threads_CategoryId_SortKey.
CREATE TABLE Threads (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Threads PRIMARY KEY,
    CategoryId BIGINT NOT NULL,
    Title NVARCHAR(150) NOT NULL,
    Slug NVARCHAR(160) NOT NULL,
    AuthorId BIGINT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    LastPostAt DATETIMEOFFSET NOT NULL,
    LastPostNumber INT NOT NULL DEFAULT 1,
    LastPostAuthorId BIGINT NULL,
    ReplyCount INT NOT NULL DEFAULT 0,
    ParticipantCount INT NOT NULL DEFAULT 1,
    SortKey BIGINT NOT NULL,
    IsPinned BIT NOT NULL DEFAULT 0,
    IsLocked BIT NOT NULL DEFAULT 0,
    CONSTRAINT FK_Threads_ForumCategories FOREIGN KEY (CategoryId) REFERENCES ForumCategories (Id),
    CONSTRAINT FK_Threads_Members FOREIGN KEY (AuthorId) REFERENCES Members (Id)
);
CREATE INDEX IX_Threads_CategoryId_SortKey ON Threads (CategoryId, SortKey);
CREATE INDEX IX_Threads_AuthorId ON Threads (AuthorId);

-- Number is 1 for the opening post and counts up per thread; deleted posts keep their number, so page p of a
-- thread is exactly Numbers (p-1)*20+1 .. p*20: a range seek on UX_Posts_ThreadId_Number, never an OFFSET.
CREATE TABLE Posts (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Posts PRIMARY KEY,
    ThreadId BIGINT NOT NULL,
    Number INT NOT NULL,
    AuthorId BIGINT NULL,
    ReplyToPostId BIGINT NULL,
    Body NVARCHAR(MAX) NOT NULL,
    ContentNote NVARCHAR(100) NOT NULL DEFAULT '',
    CreatedAt DATETIMEOFFSET NOT NULL,
    EditedAt DATETIMEOFFSET NULL,
    RevisionCount INT NOT NULL DEFAULT 0,
    DeletedAt DATETIMEOFFSET NULL,
    HiddenAt DATETIMEOFFSET NULL,
    HiddenByMemberId BIGINT NULL,
    HiddenReason NVARCHAR(500) NULL,
    CONSTRAINT FK_Posts_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id),
    CONSTRAINT FK_Posts_Members FOREIGN KEY (AuthorId) REFERENCES Members (Id),
    CONSTRAINT FK_Posts_ReplyTo FOREIGN KEY (ReplyToPostId) REFERENCES Posts (Id)
);
CREATE UNIQUE INDEX UX_Posts_ThreadId_Number ON Posts (ThreadId, Number);
-- Participant counting on reply ("has this author posted here before?") and the author filter in search.
CREATE INDEX IX_Posts_ThreadId_AuthorId ON Posts (ThreadId, AuthorId);
CREATE INDEX IX_Posts_AuthorId ON Posts (AuthorId, CreatedAt);
CREATE INDEX IX_Posts_ReplyToPostId ON Posts (ReplyToPostId);

CREATE TABLE ThreadTags (
    ThreadId BIGINT NOT NULL,
    Tag NVARCHAR(30) NOT NULL,
    CONSTRAINT PK_ThreadTags PRIMARY KEY (ThreadId, Tag),
    CONSTRAINT FK_ThreadTags_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id)
);
CREATE INDEX IX_ThreadTags_Tag ON ThreadTags (Tag, ThreadId);

CREATE TABLE ThreadReads (
    MemberId BIGINT NOT NULL,
    ThreadId BIGINT NOT NULL,
    LastReadNumber INT NOT NULL,
    ReadAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_ThreadReads PRIMARY KEY (MemberId, ThreadId),
    CONSTRAINT FK_ThreadReads_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_ThreadReads_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id)
);

-- DraftKey: "new" for a new thread, "reply:{threadId}" for a reply.
CREATE TABLE PostDrafts (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_PostDrafts PRIMARY KEY,
    MemberId BIGINT NOT NULL,
    DraftKey NVARCHAR(40) NOT NULL,
    Title NVARCHAR(150) NOT NULL DEFAULT '',
    Body NVARCHAR(MAX) NOT NULL DEFAULT '',
    ContentNote NVARCHAR(100) NOT NULL DEFAULT '',
    Tags NVARCHAR(200) NOT NULL DEFAULT '',
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_PostDrafts_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_PostDrafts_MemberId_DraftKey ON PostDrafts (MemberId, DraftKey);

-- The text as it was before each edit.
CREATE TABLE PostRevisions (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_PostRevisions PRIMARY KEY,
    PostId BIGINT NOT NULL,
    Title NVARCHAR(150) NULL,
    Body NVARCHAR(MAX) NOT NULL,
    ContentNote NVARCHAR(100) NOT NULL DEFAULT '',
    EditorMemberId BIGINT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_PostRevisions_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
CREATE INDEX IX_PostRevisions_PostId ON PostRevisions (PostId, Id);

CREATE TABLE PostReactions (
    PostId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    Kind NVARCHAR(20) NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_PostReactions PRIMARY KEY (PostId, MemberId, Kind),
    CONSTRAINT FK_PostReactions_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id),
    CONSTRAINT FK_PostReactions_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_PostReactions_MemberId ON PostReactions (MemberId);

CREATE TABLE PostBookmarks (
    MemberId BIGINT NOT NULL,
    PostId BIGINT NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_PostBookmarks PRIMARY KEY (MemberId, PostId),
    CONSTRAINT FK_PostBookmarks_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_PostBookmarks_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
CREATE INDEX IX_PostBookmarks_MemberId_CreatedAt ON PostBookmarks (MemberId, CreatedAt);

-- Level: Following or Muted. IX_ThreadSubscriptions_ThreadId finds the followers to notify on a reply.
CREATE TABLE ThreadSubscriptions (
    MemberId BIGINT NOT NULL,
    ThreadId BIGINT NOT NULL,
    Level NVARCHAR(20) NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_ThreadSubscriptions PRIMARY KEY (MemberId, ThreadId),
    CONSTRAINT FK_ThreadSubscriptions_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_ThreadSubscriptions_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id)
);
CREATE INDEX IX_ThreadSubscriptions_ThreadId ON ThreadSubscriptions (ThreadId, Level);

CREATE TABLE MemberIgnores (
    MemberId BIGINT NOT NULL,
    IgnoredMemberId BIGINT NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_MemberIgnores PRIMARY KEY (MemberId, IgnoredMemberId),
    CONSTRAINT FK_MemberIgnores_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MemberIgnores_Ignored FOREIGN KEY (IgnoredMemberId) REFERENCES Members (Id)
);
CREATE INDEX IX_MemberIgnores_IgnoredMemberId ON MemberIgnores (IgnoredMemberId);
