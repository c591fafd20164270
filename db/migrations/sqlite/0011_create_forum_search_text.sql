-- Plain text of every searchable post, extracted from its Markdown when it is written (Title only on a thread's
-- opening post). Deleted and hidden posts have no row. The full-text index over it is dialect-specific (0012).
CREATE TABLE PostSearchText (
    PostId INTEGER NOT NULL PRIMARY KEY,
    Title TEXT NOT NULL DEFAULT '',
    Body TEXT NOT NULL,
    CONSTRAINT FK_PostSearchText_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
