-- Plain text of every searchable post, extracted from its Markdown when it is written (Title only on a thread's
-- opening post). Deleted and hidden posts have no row. The full-text index over it is dialect-specific (0012).
CREATE TABLE PostSearchText (
    PostId BIGINT NOT NULL CONSTRAINT PK_PostSearchText PRIMARY KEY,
    Title NVARCHAR(150) NOT NULL DEFAULT '',
    Body NVARCHAR(MAX) NOT NULL,
    CONSTRAINT FK_PostSearchText_Posts FOREIGN KEY (PostId) REFERENCES Posts (Id)
);
