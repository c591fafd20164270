-- Email preferences in two (issue 3): mail at once for mentions and replies (on or off), and a digest of followed
-- threads and categories (Off, Daily or Weekly), so a member can have both, and unsubscribing from one list leaves
-- the other alone. Carried over from the single EmailFrequency setting, which goes:
-- Immediately -> at once, no digest; DailyDigest / WeeklyDigest -> that digest only; Off -> neither.
ALTER TABLE Members ADD
    EmailImmediately BIT NOT NULL CONSTRAINT DF_Members_EmailImmediately DEFAULT 1,
    DigestFrequency NVARCHAR(20) NOT NULL CONSTRAINT DF_Members_DigestFrequency DEFAULT 'Off';
GO
UPDATE Members SET
    EmailImmediately = CASE WHEN EmailFrequency = 'Immediately' THEN 1 ELSE 0 END,
    DigestFrequency = CASE EmailFrequency WHEN 'DailyDigest' THEN 'Daily' WHEN 'WeeklyDigest' THEN 'Weekly' ELSE 'Off' END;
DROP INDEX IX_Members_EmailFrequency ON Members;
-- 0001 gave EmailFrequency an unnamed default: its constraint has a generated name, found here, and must go first.
DECLARE @default SYSNAME = (
    SELECT dc.name FROM sys.default_constraints dc
    JOIN sys.columns c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id
    WHERE dc.parent_object_id = OBJECT_ID(N'Members') AND c.name = N'EmailFrequency');
IF @default IS NOT NULL
BEGIN
    DECLARE @drop NVARCHAR(300) = N'ALTER TABLE Members DROP CONSTRAINT ' + QUOTENAME(@default);
    EXEC sp_executesql @drop;
END;
ALTER TABLE Members DROP COLUMN EmailFrequency;
GO
-- The digest job pages members of one frequency by Id (keyset).
CREATE INDEX IX_Members_DigestFrequency ON Members (DigestFrequency, Id);
