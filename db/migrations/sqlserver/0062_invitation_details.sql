-- An invitation can carry the person's name (it fills in the joining form) and a personal message from the admin.
ALTER TABLE Invitations ADD Name NVARCHAR(100) NOT NULL CONSTRAINT DF_Invitations_Name DEFAULT N'';
ALTER TABLE Invitations ADD Message NVARCHAR(1000) NOT NULL CONSTRAINT DF_Invitations_Message DEFAULT N'';
CREATE INDEX IX_Invitations_NormalizedEmail ON Invitations (NormalizedEmail);
