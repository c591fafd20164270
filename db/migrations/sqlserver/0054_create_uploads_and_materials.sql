-- Files members upload (issue 19 materials; issue 20 receipts). The bytes live in the uploads folder outside the
-- web root, named by Id; this row says what they are. Kind is checked from the bytes when the file arrives.
CREATE TABLE UploadedFiles (
    Id NVARCHAR(40) NOT NULL CONSTRAINT PK_UploadedFiles PRIMARY KEY,
    Kind NVARCHAR(20) NOT NULL,
    Size BIGINT NOT NULL,
    OriginalName NVARCHAR(260) NOT NULL,
    Sha256 NVARCHAR(64) NOT NULL,
    UploadedById BIGINT NULL,
    UploadedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_UploadedFiles_Members FOREIGN KEY (UploadedById) REFERENCES Members (Id) ON DELETE SET NULL
);

-- A cohort's materials: a Markdown page, a file, or both, for one session or the whole cohort. Participants see
-- each from VisibleFrom; facilitators and coordinators see all of them.
CREATE TABLE CohortMaterials (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_CohortMaterials PRIMARY KEY,
    CohortId BIGINT NOT NULL,
    SessionId BIGINT NULL,
    Title NVARCHAR(200) NOT NULL,
    Body NVARCHAR(MAX) NOT NULL DEFAULT '',
    FileId NVARCHAR(40) NULL,
    VisibleFrom DATETIMEOFFSET NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_CohortMaterials_Cohorts FOREIGN KEY (CohortId) REFERENCES ProgrammeCohorts (Id) ON DELETE CASCADE,
    CONSTRAINT FK_CohortMaterials_Files FOREIGN KEY (FileId) REFERENCES UploadedFiles (Id)
);
CREATE INDEX IX_CohortMaterials_CohortId ON CohortMaterials (CohortId, VisibleFrom);
