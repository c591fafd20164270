-- The member a moderation action is about (a suspension), so the audit log can name them and be filtered by them.
-- No foreign key, like ModeratorMemberId: ForumMemberData.EraseAsync clears it.
ALTER TABLE ModerationActions ADD COLUMN SubjectMemberId INTEGER NULL;
CREATE INDEX IX_ModerationActions_SubjectMemberId ON ModerationActions (SubjectMemberId);
