-- Each post's search text carries the UTC month it was written in as a token ("m202406", Forum.SearchMonths), in a
-- third column of the full-text index. A search with a short date range then asks FTS5 for the range's posts alone
-- ('... AND Month : (m202406 OR m202407)') instead of walking back through every newer match, which made such a
-- search several times slower than any other (docs/benchmarks.md). bm25 gives the column no weight. The index is
-- rebuilt from PostSearchText (about 20 s for a million posts on the benchmark machine).
DROP TRIGGER PostSearchText_AfterInsert;
DROP TRIGGER PostSearchText_AfterDelete;
DROP TRIGGER PostSearchText_AfterUpdate;
DROP TABLE PostSearchIndex;

ALTER TABLE PostSearchText ADD COLUMN Month TEXT NOT NULL DEFAULT '';
-- CreatedAt is stored as UTC ISO 8601 text (Data.UtcDateTimeOffsetHandler): 'YYYY-MM-...'.
UPDATE PostSearchText
SET Month = (SELECT 'm' || substr(p.CreatedAt, 1, 4) || substr(p.CreatedAt, 6, 2) FROM Posts p WHERE p.Id = PostSearchText.PostId);

CREATE VIRTUAL TABLE PostSearchIndex USING fts5(
    Title,
    Body,
    Month,
    content='PostSearchText',
    content_rowid='PostId',
    tokenize='porter unicode61 remove_diacritics 2'
);

INSERT INTO PostSearchIndex (PostSearchIndex) VALUES ('rebuild');

CREATE TRIGGER PostSearchText_AfterInsert AFTER INSERT ON PostSearchText BEGIN
    INSERT INTO PostSearchIndex (rowid, Title, Body, Month) VALUES (new.PostId, new.Title, new.Body, new.Month);
END;

CREATE TRIGGER PostSearchText_AfterDelete AFTER DELETE ON PostSearchText BEGIN
    INSERT INTO PostSearchIndex (PostSearchIndex, rowid, Title, Body, Month) VALUES ('delete', old.PostId, old.Title, old.Body, old.Month);
END;

CREATE TRIGGER PostSearchText_AfterUpdate AFTER UPDATE ON PostSearchText BEGIN
    INSERT INTO PostSearchIndex (PostSearchIndex, rowid, Title, Body, Month) VALUES ('delete', old.PostId, old.Title, old.Body, old.Month);
    INSERT INTO PostSearchIndex (rowid, Title, Body, Month) VALUES (new.PostId, new.Title, new.Body, new.Month);
END;
