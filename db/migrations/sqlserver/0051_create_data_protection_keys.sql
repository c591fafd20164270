-- The Data Protection key ring, when DataProtection:Store is Database: every server reads the same keys, so a
-- cookie, antiforgery token or unsubscribe link made by one server opens on another. One row per key, as the XML
-- element ASP.NET Core writes; rows are only ever added (expired keys stay, so old links keep working until they expire).
CREATE TABLE DataProtectionKeys (
    Id BIGINT IDENTITY(1,1) PRIMARY KEY,
    FriendlyName NVARCHAR(200) NOT NULL,
    Xml NVARCHAR(MAX) NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL
);
CREATE UNIQUE INDEX IX_DataProtectionKeys_FriendlyName ON DataProtectionKeys (FriendlyName);
