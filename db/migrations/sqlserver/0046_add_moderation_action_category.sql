-- The moderation log can be filtered by category. Each action records the category its thread was in once the action
-- was done (a move records where the thread went; a split, the category of the thread posts were split from), so the
-- filter seeks its own (CategoryId, CreatedAt, Id) index and reads it newest first, like the other filters (0040);
-- joining Threads could only scan the whole log or sort. No foreign key, like ThreadId. Existing rows take their
-- thread's category now.
ALTER TABLE ModerationActions ADD CategoryId BIGINT NULL;
GO
UPDATE a SET CategoryId = t.CategoryId FROM ModerationActions a JOIN Threads t ON t.Id = a.ThreadId;
CREATE INDEX IX_ModerationActions_CategoryId_CreatedAt ON ModerationActions (CategoryId, CreatedAt, Id);
