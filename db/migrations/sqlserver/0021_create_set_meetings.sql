-- A meeting holds its live room state: the phase and timer in columns, the rest (round order, turn,
-- presenters, raised hands) as JSON in State. Version guards against lost updates.
CREATE TABLE SetMeetings (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_SetMeetings PRIMARY KEY,
    SetId BIGINT NOT NULL,
    StartsAt DATETIMEOFFSET NOT NULL,
    DurationMinutes INT NOT NULL,
    TimeZone NVARCHAR(64) NOT NULL,
    CreatedAt DATETIMEOFFSET NOT NULL,
    ReminderQueuedAt DATETIMEOFFSET NULL,
    Phase NVARCHAR(40) NOT NULL DEFAULT 'Lobby',
    State NVARCHAR(MAX) NOT NULL DEFAULT '{}',
    Version INT NOT NULL DEFAULT 0,
    TimerStartedAt DATETIMEOFFSET NULL,
    TimerSeconds INT NOT NULL DEFAULT 0,
    TimerPausedAt DATETIMEOFFSET NULL,
    StartedAt DATETIMEOFFSET NULL,
    ClosedAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_SetMeetings_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SetMeetings_SetId ON SetMeetings (SetId, StartsAt);
CREATE INDEX IX_SetMeetings_Reminder ON SetMeetings (ReminderQueuedAt, StartsAt);

CREATE TABLE MeetingAttendance (
    MeetingId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    FirstJoinedAt DATETIMEOFFSET NOT NULL,
    LastSeenAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_MeetingAttendance PRIMARY KEY (MeetingId, MemberId),
    CONSTRAINT FK_MeetingAttendance_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MeetingAttendance_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

-- Timings for the summary: one row per phase (and per presenter slot phase) as it happened.
CREATE TABLE MeetingPhaseLog (
    Id BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_MeetingPhaseLog PRIMARY KEY,
    MeetingId BIGINT NOT NULL,
    Phase NVARCHAR(40) NOT NULL,
    PresenterId BIGINT NULL,
    StartedAt DATETIMEOFFSET NOT NULL,
    EndedAt DATETIMEOFFSET NULL,
    CONSTRAINT FK_MeetingPhaseLog_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MeetingPhaseLog_Members FOREIGN KEY (PresenterId) REFERENCES Members (Id) ON DELETE SET NULL
);
CREATE INDEX IX_MeetingPhaseLog_MeetingId ON MeetingPhaseLog (MeetingId, Id);

CREATE TABLE MeetingBids (
    MeetingId BIGINT NOT NULL,
    MemberId BIGINT NOT NULL,
    Minutes INT NOT NULL,
    Headline NVARCHAR(120) NOT NULL,
    NoTime BIT NOT NULL DEFAULT 0,
    BidAt DATETIMEOFFSET NOT NULL,
    CONSTRAINT PK_MeetingBids PRIMARY KEY (MeetingId, MemberId),
    CONSTRAINT FK_MeetingBids_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MeetingBids_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
