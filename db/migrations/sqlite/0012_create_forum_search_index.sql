-- FTS5 over PostSearchText as an external-content table: the index only, the text stays in PostSearchText.
-- The triggers are the ones the FTS5 documentation gives for keeping an external-content index in step.
-- remove_diacritics 2 lets "cafe" find "café".
CREATE VIRTUAL TABLE PostSearchIndex USING fts5(
    Title,
    Body,
    content='PostSearchText',
    content_rowid='PostId',
    tokenize='unicode61 remove_diacritics 2'
);

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
