-- Files members upload (issue 19 materials; issue 20 receipts). The bytes live in the uploads folder outside the
-- web root, named by Id; this row says what they are. Kind is checked from the bytes when the file arrives.
CREATE TABLE UploadedFiles (
    Id TEXT NOT NULL PRIMARY KEY,
    Kind TEXT NOT NULL,
    Size INTEGER NOT NULL,
    OriginalName TEXT NOT NULL,
    Sha256 TEXT NOT NULL,
    UploadedById INTEGER NULL,
    UploadedAt TEXT NOT NULL,
    CONSTRAINT FK_UploadedFiles_Members FOREIGN KEY (UploadedById) REFERENCES Members (Id) ON DELETE SET NULL
);

-- A cohort's materials: a Markdown page, a file, or both, for one session or the whole cohort. Participants see
-- each from VisibleFrom; facilitators and coordinators see all of them.
CREATE TABLE CohortMaterials (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    CohortId INTEGER NOT NULL,
    SessionId INTEGER NULL,
    Title TEXT NOT NULL,
    Body TEXT NOT NULL DEFAULT '',
    FileId TEXT NULL,
    VisibleFrom TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    CONSTRAINT FK_CohortMaterials_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortMaterials_Files FOREIGN KEY (FileId) REFERENCES UploadedFiles (Id)
);
CREATE INDEX IX_CohortMaterials_CohortId ON CohortMaterials (CohortId, VisibleFrom);
