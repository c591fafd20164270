-- Email preferences in two (issue 3): mail at once for mentions and replies (on or off), and a digest of followed
-- threads and categories (Off, Daily or Weekly), so a member can have both, and unsubscribing from one list leaves
-- the other alone. Carried over from the single EmailFrequency setting, which goes:
-- Immediately -> at once, no digest; DailyDigest / WeeklyDigest -> that digest only; Off -> neither.
ALTER TABLE Members ADD COLUMN EmailImmediately INTEGER NOT NULL DEFAULT 1;
ALTER TABLE Members ADD COLUMN DigestFrequency TEXT NOT NULL DEFAULT 'Off';
UPDATE Members SET
    EmailImmediately = CASE WHEN EmailFrequency = 'Immediately' THEN 1 ELSE 0 END,
    DigestFrequency = CASE EmailFrequency WHEN 'DailyDigest' THEN 'Daily' WHEN 'WeeklyDigest' THEN 'Weekly' ELSE 'Off' END;
DROP INDEX IX_Members_EmailFrequency;
ALTER TABLE Members DROP COLUMN EmailFrequency;
-- The digest job pages members of one frequency by Id (keyset).
CREATE INDEX IX_Members_DigestFrequency ON Members (DigestFrequency, Id);
