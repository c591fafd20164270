-- The one-click unsubscribe address (RFC 8058) of a list mail; sent as List-Unsubscribe with List-Unsubscribe-Post.
-- Null for account mail, which must not carry it.
ALTER TABLE MailOutbox ADD ListUnsubscribe NVARCHAR(1000) NULL;
