-- A certificate can be revoked, or reissued with the holder's current name: the old one stays, revoked, saying
-- who did it and which certificate replaced it, so an application may now have several certificates (one current).
DROP INDEX UX_ProgrammeCertificates_ApplicationId ON ProgrammeCertificates;
CREATE INDEX IX_ProgrammeCertificates_ApplicationId ON ProgrammeCertificates (ApplicationId, IssuedAt);
ALTER TABLE ProgrammeCertificates ADD RevokedById BIGINT NULL, ReplacedBy NVARCHAR(20) NULL;
