-- Live messages between a mentoring pair (issue 5). Seq is per relationship, from MentoringRelationships.LastMessageSeq,
-- written before any broadcast, so a browser that reconnects asks for exactly what it missed.
-- (RelationshipId, SenderId, ClientMessageId) makes a retried send store once. Earlier messages are numbered in order.
ALTER TABLE MentoringRelationships ADD COLUMN LastMessageSeq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE MentoringMessages ADD COLUMN Seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE MentoringMessages ADD COLUMN ClientMessageId TEXT NOT NULL DEFAULT '';
UPDATE MentoringMessages SET
    Seq = (SELECT COUNT(*) FROM MentoringMessages earlier WHERE earlier.RelationshipId = MentoringMessages.RelationshipId AND earlier.Id <= MentoringMessages.Id),
    ClientMessageId = 'earlier-' || Id;
UPDATE MentoringRelationships SET LastMessageSeq = (SELECT COALESCE(MAX(m.Seq), 0) FROM MentoringMessages m WHERE m.RelationshipId = MentoringRelationships.Id);
CREATE UNIQUE INDEX UX_MentoringMessages_Seq ON MentoringMessages (RelationshipId, Seq);
CREATE UNIQUE INDEX UX_MentoringMessages_ClientMessageId ON MentoringMessages (RelationshipId, SenderId, ClientMessageId);
DROP INDEX IX_MentoringMessages_RelationshipId;
