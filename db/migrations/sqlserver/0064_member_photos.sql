-- A member's profile picture: re-encoded by the site to a small square JPEG, with nothing of the original file's
-- metadata (camera, place, time) kept.
CREATE TABLE MemberPhotos (
    MemberId BIGINT NOT NULL CONSTRAINT PK_MemberPhotos PRIMARY KEY,
    Jpeg VARBINARY(MAX) NOT NULL,
    UpdatedAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT FK_MemberPhotos_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
