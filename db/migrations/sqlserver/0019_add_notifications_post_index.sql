-- Splitting a thread moves its notifications with their posts (so the notification list's category check follows
-- the post): an index for that lookup by post.
CREATE INDEX IX_Notifications_PostId ON Notifications (PostId);
