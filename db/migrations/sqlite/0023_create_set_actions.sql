-- Actions a presenter commits to in their slot, reviewed by their owner at the next meeting.
-- SetId has no foreign key: the row already cascades from Sets through SetMeetings.
CREATE TABLE SetActions (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    SetId INTEGER NOT NULL,
    MeetingId INTEGER NOT NULL,
    OwnerId INTEGER NOT NULL,
    Text TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    Status TEXT NULL,
    StatusNote TEXT NULL,
    ReviewedAt TEXT NULL,
    ReviewedInMeetingId INTEGER NULL,
    CONSTRAINT FK_SetActions_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id) ON DELETE CASCADE,
    CONSTRAINT FK_SetActions_Members FOREIGN KEY (OwnerId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SetActions_SetId ON SetActions (SetId, OwnerId);
CREATE INDEX IX_SetActions_MeetingId ON SetActions (MeetingId);
CREATE INDEX IX_SetActions_OwnerId ON SetActions (OwnerId);
