-- The forum's "Latest" list reads threads across categories newest first.
CREATE INDEX IX_Threads_LastPostAt ON Threads (LastPostAt, Id);

-- How far each member of a mentoring pair has read their messages, for the unread count on the home page.
CREATE TABLE MentoringReads (
    RelationshipId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    LastReadSeq BIGINT NOT NULL,
    ReadAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_MentoringReads PRIMARY KEY (RelationshipId, MemberId),
    CONSTRAINT FK_MentoringReads_Relationships FOREIGN KEY (RelationshipId) REFERENCES MentoringRelationships (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MentoringReads_Members FOREIGN KEY (MemberId) REFERENCES Members (Id)
);

-- The member directory lists only members who chose to be in it; nobody is listed by default.
ALTER TABLE MemberProfiles ADD ListedInDirectory BIT NOT NULL CONSTRAINT DF_MemberProfiles_ListedInDirectory DEFAULT 0;
