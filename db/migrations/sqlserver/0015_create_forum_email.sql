-- Following a whole category: its new threads and replies come in the member's digest.
CREATE TABLE CategorySubscriptions (
    MemberId BIGINT NOT NULL,
    CategoryId BIGINT NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_CategorySubscriptions PRIMARY KEY (MemberId, CategoryId),
    CONSTRAINT FK_CategorySubscriptions_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CategorySubscriptions_Categories FOREIGN KEY (CategoryId) REFERENCES ForumCategories (Id)
);

-- One row per member per digest period ("Daily:2030-01-13", "Weekly:2030-W02"), written in the same transaction
-- as the digest mail: the unique key is what makes two runs or two servers unable to send one period twice.
CREATE TABLE ForumDigests (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ForumDigests PRIMARY KEY,
    MemberId BIGINT NOT NULL,
    Period NVARCHAR(40) NOT NULL,
    PostCount INT NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_ForumDigests_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX UX_ForumDigests_MemberId_Period ON ForumDigests (MemberId, Period);

-- Digest paths: members by frequency; a category's threads active since a time; a thread's posts in a window.
CREATE INDEX IX_Members_EmailFrequency ON Members (EmailFrequency, Id);
CREATE INDEX IX_Threads_CategoryId_LastPostAt ON Threads (CategoryId, LastPostAt);
CREATE INDEX IX_Posts_ThreadId_CreatedAt ON Posts (ThreadId, CreatedAt);
