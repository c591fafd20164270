-- An invitation can carry the person's name (it fills in the joining form) and a personal message from the admin.
ALTER TABLE Invitations ADD COLUMN Name TEXT NOT NULL DEFAULT '';
ALTER TABLE Invitations ADD COLUMN Message TEXT NOT NULL DEFAULT '';
CREATE INDEX IX_Invitations_NormalizedEmail ON Invitations (NormalizedEmail);
