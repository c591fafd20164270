-- A member's profile picture: re-encoded by the site to a small square JPEG, with nothing of the original file's
-- metadata (camera, place, time) kept.
CREATE TABLE MemberPhotos (
    MemberId INTEGER NOT NULL PRIMARY KEY,
    Jpeg BLOB NOT NULL,
    UpdatedAt TEXT NOT NULL,
    CONSTRAINT FK_MemberPhotos_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
