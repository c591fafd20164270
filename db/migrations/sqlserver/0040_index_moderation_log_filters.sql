-- The moderation log page (/forum/moderation/log) lists actions newest first, (CreatedAt, Id) descending, filtered by
-- any of action kind, moderator, the member an action was about, thread and a date range, a page at a time by keyset.
-- Each filter seeks its own index and reads it in order: no sort, whatever the log's size. Date range alone, and no
-- filter, use IX_ModerationActions_CreatedAt (from 0014; the clustered key Id is its last key). The single-column
-- member indexes are prefixes of the new ones, so they go (erasure's updates seek the new ones).
CREATE INDEX IX_ModerationActions_Action_CreatedAt ON ModerationActions (Action, CreatedAt, Id);
CREATE INDEX IX_ModerationActions_ModeratorMemberId_CreatedAt ON ModerationActions (ModeratorMemberId, CreatedAt, Id);
CREATE INDEX IX_ModerationActions_SubjectMemberId_CreatedAt ON ModerationActions (SubjectMemberId, CreatedAt, Id);
CREATE INDEX IX_ModerationActions_ThreadId_CreatedAt ON ModerationActions (ThreadId, CreatedAt, Id);
DROP INDEX IX_ModerationActions_ModeratorMemberId ON ModerationActions;
DROP INDEX IX_ModerationActions_SubjectMemberId ON ModerationActions;
