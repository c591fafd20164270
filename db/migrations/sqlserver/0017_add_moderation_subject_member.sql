-- The member a moderation action is about (a suspension), so the audit log can name them and be filtered by them.
-- No foreign key, like ModeratorMemberId: ForumMemberData.EraseAsync clears it.
ALTER TABLE ModerationActions ADD SubjectMemberId BIGINT NULL;
GO
CREATE INDEX IX_ModerationActions_SubjectMemberId ON ModerationActions (SubjectMemberId);
