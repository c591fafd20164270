-- The Data Protection key ring, when DataProtection:Store is Database: every server reads the same keys, so a
-- cookie, antiforgery token or unsubscribe link made by one server opens on another. One row per key, as the XML
-- element ASP.NET Core writes; rows are only ever added (expired keys stay, so old links keep working until they expire).
CREATE TABLE DataProtectionKeys (
    Id INTEGER PRIMARY KEY,
    FriendlyName TEXT NOT NULL,
    Xml TEXT NOT NULL,
    CreatedAt TEXT NOT NULL
);
CREATE UNIQUE INDEX IX_DataProtectionKeys_FriendlyName ON DataProtectionKeys (FriendlyName);
