-- The search index stems words (Porter, English) instead of the queries matching every word as a prefix:
-- "walk" finds "walking" and "walked" but no longer "walkway", and a common word such as "care" is one term to
-- read rather than every term that starts with it ("career", "caretaker", ...), which made a common word's
-- search several times slower (docs/benchmarks.md). The index is rebuilt from PostSearchText.
DROP TRIGGER PostSearchText_AfterInsert;
DROP TRIGGER PostSearchText_AfterDelete;
DROP TRIGGER PostSearchText_AfterUpdate;
DROP TABLE PostSearchIndex;

CREATE VIRTUAL TABLE PostSearchIndex USING fts5(
    Title,
    Body,
    content='PostSearchText',
    content_rowid='PostId',
    tokenize='porter unicode61 remove_diacritics 2'
);

INSERT INTO PostSearchIndex (PostSearchIndex) VALUES ('rebuild');

CREATE TRIGGER PostSearchText_AfterInsert AFTER INSERT ON PostSearchText BEGIN
    INSERT INTO PostSearchIndex (rowid, Title, Body) VALUES (new.PostId, new.Title, new.Body);
END;

CREATE TRIGGER PostSearchText_AfterDelete AFTER DELETE ON PostSearchText BEGIN
    INSERT INTO PostSearchIndex (PostSearchIndex, rowid, Title, Body) VALUES ('delete', old.PostId, old.Title, old.Body);
END;

CREATE TRIGGER PostSearchText_AfterUpdate AFTER UPDATE ON PostSearchText BEGIN
    INSERT INTO PostSearchIndex (PostSearchIndex, rowid, Title, Body) VALUES ('delete', old.PostId, old.Title, old.Body);
    INSERT INTO PostSearchIndex (rowid, Title, Body) VALUES (new.PostId, new.Title, new.Body);
END;
