-- In step with SQLite's 0048: each post's search text carries its UTC month ('m202406'), so the statements that
-- write PostSearchText are the same on both. SQLite's full-text index uses it to narrow a date-range search; SQL
-- Server's index stays on Title and Body (a CONTAINSTABLE column list applies to the whole query, so it could not
-- hold the words to Title and Body and the month to Month), and dates are filtered on Posts.CreatedAt as before.
ALTER TABLE PostSearchText ADD Month NVARCHAR(7) NOT NULL CONSTRAINT DF_PostSearchText_Month DEFAULT N'';
GO
-- Style 112 is yyyymmdd; CreatedAt is stored at offset +00:00, and SWITCHOFFSET makes sure of it.
UPDATE s SET Month = N'm' + LEFT(CONVERT(NCHAR(8), SWITCHOFFSET(p.CreatedAt, '+00:00'), 112), 6)
FROM PostSearchText s JOIN Posts p ON p.Id = s.PostId;
