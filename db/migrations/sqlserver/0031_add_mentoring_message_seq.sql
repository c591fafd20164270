-- Live messages between a mentoring pair (issue 5). Seq is per relationship, from MentoringRelationships.LastMessageSeq,
-- written before any broadcast, so a browser that reconnects asks for exactly what it missed.
-- (RelationshipId, SenderId, ClientMessageId) makes a retried send store once. Earlier messages are numbered in order.
ALTER TABLE MentoringRelationships ADD LastMessageSeq BIGINT NOT NULL CONSTRAINT DF_MentoringRelationships_LastMessageSeq DEFAULT 0;
ALTER TABLE MentoringMessages ADD
    Seq BIGINT NOT NULL CONSTRAINT DF_MentoringMessages_Seq DEFAULT 0,
    ClientMessageId NVARCHAR(64) NOT NULL CONSTRAINT DF_MentoringMessages_ClientMessageId DEFAULT '';
GO
UPDATE m SET Seq = numbered.Seq, ClientMessageId = CONCAT('earlier-', m.Id)
FROM MentoringMessages m
JOIN (SELECT Id, ROW_NUMBER() OVER (PARTITION BY RelationshipId ORDER BY Id) AS Seq FROM MentoringMessages) numbered ON numbered.Id = m.Id;
UPDATE MentoringRelationships SET LastMessageSeq = (SELECT COALESCE(MAX(m.Seq), 0) FROM MentoringMessages m WHERE m.RelationshipId = MentoringRelationships.Id);
CREATE UNIQUE INDEX UX_MentoringMessages_Seq ON MentoringMessages (RelationshipId, Seq);
CREATE UNIQUE INDEX UX_MentoringMessages_ClientMessageId ON MentoringMessages (RelationshipId, SenderId, ClientMessageId);
DROP INDEX IX_MentoringMessages_RelationshipId ON MentoringMessages;
