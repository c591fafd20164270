-- The discussion forum. Nothing here is ever hard-deleted (posts are soft-deleted or hidden), so no cascades run
-- between forum tables. Rows that belong to one member cascade with the member; every other member reference is
-- cleared by ForumMemberData.EraseAsync before the member row goes (SQL Server refuses multiple cascade paths).

CREATE TABLE ForumCategories (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    Slug TEXT NOT NULL,
    Name TEXT NOT NULL,
    Description TEXT NOT NULL DEFAULT '',
    Position INTEGER NOT NULL,
    Icon TEXT NOT NULL DEFAULT 'chat',
    Colour TEXT NOT NULL DEFAULT 'blue',
    IsPublic INTEGER NOT NULL DEFAULT 0,
    RequiredRoles TEXT NOT NULL DEFAULT '',
    ThreadCount INTEGER NOT NULL DEFAULT 0,
    ActivityCounter INTEGER NOT NULL DEFAULT 0,
    CreatedAt TEXT NOT NULL
);
CREATE UNIQUE INDEX UX_ForumCategories_Slug ON ForumCategories (Slug);

-- SortKey orders a category's list: ActivitySeq (a per-category counter bumped on every new post), plus a large
-- constant while pinned. One integer makes the list a single keyset over IX_Threads_CategoryId_SortKey.
CREATE TABLE Threads (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    CategoryId INTEGER NOT NULL,
    Title TEXT NOT NULL,
    Slug TEXT NOT NULL,
    AuthorId INTEGER NULL,
    CreatedAt TEXT NOT NULL,
    LastPostAt TEXT NOT NULL,
    LastPostNumber INTEGER NOT NULL DEFAULT 1,
    LastPostAuthorId INTEGER NULL,
    ReplyCount INTEGER NOT NULL DEFAULT 0,
    ParticipantCount INTEGER NOT NULL DEFAULT 1,
    SortKey INTEGER NOT NULL,
    IsPinned INTEGER NOT NULL DEFAULT 0,
    IsLocked INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT FK_Threads_ForumCategories FOREIGN KEY (CategoryId) REFERENCES ForumCategories (Id),
    CONSTRAINT FK_Threads_Members FOREIGN KEY (AuthorId) REFERENCES Members (Id)
);
CREATE INDEX IX_Threads_CategoryId_SortKey ON Threads (CategoryId, SortKey);
CREATE INDEX IX_Threads_AuthorId ON Threads (AuthorId);

-- Number is 1 for the opening post and counts up per thread; deleted posts keep their number, so page p of a
-- thread is exactly Numbers (p-1)*20+1 .. p*20: a range seek on UX_Posts_ThreadId_Number, never an OFFSET.
CREATE TABLE Posts (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    ThreadId INTEGER NOT NULL,
    Number INTEGER NOT NULL,
    AuthorId INTEGER NULL,
    ReplyToPostId INTEGER NULL,
    Body TEXT NOT NULL,
    ContentNote TEXT NOT NULL DEFAULT '',
    CreatedAt TEXT NOT NULL,
    EditedAt TEXT NULL,
    RevisionCount INTEGER NOT NULL DEFAULT 0,
    DeletedAt TEXT NULL,
    HiddenAt TEXT NULL,
    HiddenByMemberId INTEGER NULL,
    HiddenReason TEXT NULL,
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
    ThreadId INTEGER NOT NULL,
    Tag TEXT NOT NULL,
    CONSTRAINT PK_ThreadTags PRIMARY KEY (ThreadId, Tag),
    CONSTRAINT FK_ThreadTags_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id)
);
CREATE INDEX IX_ThreadTags_Tag ON ThreadTags (Tag, ThreadId);

CREATE TABLE ThreadReads (
    MemberId INTEGER NOT NULL,
    ThreadId INTEGER NOT NULL,
    LastReadNumber INTEGER NOT NULL,
    ReadAt TEXT NOT NULL,
    CONSTRAINT PK_ThreadReads PRIMARY KEY (MemberId, ThreadId),
    CONSTRAINT FK_ThreadReads_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_ThreadReads_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id)
);

-- DraftKey: "new" for a new thread, "reply:{threadId}" for a reply.
CREATE TABLE PostDrafts (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MemberId INTEGER NOT NULL,
    DraftKey TEXT NOT NULL,
    Title TEXT NOT NULL DEFAULT '',
    Body TEXT NOT NULL DEFAULT '',
    ContentNote TEXT NOT NULL DEFAULT '',
    Tags TEXT NOT NULL DEFAULT '',
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_PostDrafts_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_PostDrafts_MemberId_DraftKey ON PostDrafts (MemberId, DraftKey);

-- The text as it was before each edit.
CREATE TABLE PostRevisions (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    PostId INTEGER NOT NULL,
    Title TEXT NULL,
    Body TEXT NOT NULL,
    ContentNote TEXT NOT NULL DEFAULT '',
    EditorMemberId INTEGER NULL,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT FK_PostRevisions_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
CREATE INDEX IX_PostRevisions_PostId ON PostRevisions (PostId, Id);

CREATE TABLE PostReactions (
    PostId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    Kind TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT PK_PostReactions PRIMARY KEY (PostId, MemberId, Kind),
    CONSTRAINT FK_PostReactions_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id),
    CONSTRAINT FK_PostReactions_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_PostReactions_MemberId ON PostReactions (MemberId);

CREATE TABLE PostBookmarks (
    MemberId INTEGER NOT NULL,
    PostId INTEGER NOT NULL,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT PK_PostBookmarks PRIMARY KEY (MemberId, PostId),
    CONSTRAINT FK_PostBookmarks_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_PostBookmarks_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
CREATE INDEX IX_PostBookmarks_MemberId_CreatedAt ON PostBookmarks (MemberId, CreatedAt);

-- Level: Following or Muted. IX_ThreadSubscriptions_ThreadId finds the followers to notify on a reply.
CREATE TABLE ThreadSubscriptions (
    MemberId INTEGER NOT NULL,
    ThreadId INTEGER NOT NULL,
    Level TEXT NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT PK_ThreadSubscriptions PRIMARY KEY (MemberId, ThreadId),
    CONSTRAINT FK_ThreadSubscriptions_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_ThreadSubscriptions_Threads FOREIGN KEY (ThreadId) REFERENCES Threads (Id)
);
CREATE INDEX IX_ThreadSubscriptions_ThreadId ON ThreadSubscriptions (ThreadId, Level);

CREATE TABLE MemberIgnores (
    MemberId INTEGER NOT NULL,
    IgnoredMemberId INTEGER NOT NULL,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT PK_MemberIgnores PRIMARY KEY (MemberId, IgnoredMemberId),
    CONSTRAINT FK_MemberIgnores_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MemberIgnores_Ignored FOREIGN KEY (IgnoredMemberId) REFERENCES Members (Id)
);
CREATE INDEX IX_MemberIgnores_IgnoredMemberId ON MemberIgnores (IgnoredMemberId);
