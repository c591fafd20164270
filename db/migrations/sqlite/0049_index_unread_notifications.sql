-- A reply notifies every follower: each notification was an entry in five indexes, three of them ordered by member
-- and so each on a page of its own. Unread notifications are now indexed apart (the header's count, and "which of
-- these posts have unread notifications for me?" on the thread page); once read, a notification leaves the index.
-- This replaces (MemberId, ReadAt) and (MemberId, PostId): one random page less for each notification written.
CREATE INDEX IX_Notifications_Unread ON Notifications (MemberId, PostId) WHERE ReadAt IS NULL;
DROP INDEX IX_Notifications_MemberId_ReadAt;
DROP INDEX IX_Notifications_MemberId_PostId;
