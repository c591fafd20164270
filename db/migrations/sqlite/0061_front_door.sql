-- The forum's "Latest" list reads threads across categories newest first.
CREATE INDEX IX_Threads_LastPostAt ON Threads (LastPostAt, Id);

-- How far each member of a mentoring pair has read their messages, for the unread count on the home page.
CREATE TABLE MentoringReads (
    RelationshipId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    LastReadSeq INTEGER NOT NULL,
    ReadAt TEXT NOT NULL,
    CONSTRAINT PK_MentoringReads PRIMARY KEY (RelationshipId, MemberId),
    CONSTRAINT FK_MentoringReads_Relationships FOREIGN KEY (RelationshipId) REFERENCES MentoringRelationships (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringReads_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

-- The member directory lists only members who chose to be in it; nobody is listed by default.
ALTER TABLE MemberProfiles ADD COLUMN ListedInDirectory INTEGER NOT NULL DEFAULT 0;
