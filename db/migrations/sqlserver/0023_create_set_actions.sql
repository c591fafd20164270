-- Actions a presenter commits to in their slot, reviewed by their owner at the next meeting.
-- SetId has no foreign key: the row already cascades from Sets through SetMeetings.
CREATE TABLE SetActions (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_SetActions PRIMARY KEY,
    SetId BIGINT NOT NULL,
    MeetingId BIGINT NOT NULL,
    OwnerId BIGINT NOT NULL,
    Text NVARCHAR(500) NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    Status NVARCHAR(20) NULL,
    StatusNote NVARCHAR(500) NULL,
    ReviewedAt DATETIMEOFFSET NULL,
    ReviewedInMeetingId BIGINT NULL,
    CONSTRAINT FK_SetActions_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id) ON DELETE CASCADE,
    CONSTRAINT FK_SetActions_Members FOREIGN KEY (OwnerId) REFERENCES Members (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SetActions_SetId ON SetActions (SetId, OwnerId);
CREATE INDEX IX_SetActions_MeetingId ON SetActions (MeetingId);
CREATE INDEX IX_SetActions_OwnerId ON SetActions (OwnerId);
