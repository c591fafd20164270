-- A meeting holds its live room state: the phase and timer in columns, the rest (round order, turn,
-- presenters, raised hands) as JSON in State. Version guards against lost updates.
CREATE TABLE SetMeetings (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    SetId INTEGER NOT NULL,
    StartsAt TEXT NOT NULL,
    DurationMinutes INTEGER NOT NULL,
    TimeZone TEXT NOT NULL,
    CreatedAt TEXT NOT NULL,
    ReminderQueuedAt TEXT NULL,
    Phase TEXT NOT NULL DEFAULT 'Lobby',
    State TEXT NOT NULL DEFAULT '{}',
    Version INTEGER NOT NULL DEFAULT 0,
    TimerStartedAt TEXT NULL,
    TimerSeconds INTEGER NOT NULL DEFAULT 0,
    TimerPausedAt TEXT NULL,
    StartedAt TEXT NULL,
    ClosedAt TEXT NULL,
    CONSTRAINT FK_SetMeetings_Sets FOREIGN KEY (SetId) REFERENCES Sets (Id) ON DELETE CASCADE
);
CREATE INDEX IX_SetMeetings_SetId ON SetMeetings (SetId, StartsAt);
CREATE INDEX IX_SetMeetings_Reminder ON SetMeetings (ReminderQueuedAt, StartsAt);

CREATE TABLE MeetingAttendance (
    MeetingId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    FirstJoinedAt TEXT NOT NULL,
    LastSeenAt TEXT NOT NULL,
    CONSTRAINT PK_MeetingAttendance PRIMARY KEY (MeetingId, MemberId),
    CONSTRAINT FK_MeetingAttendance_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MeetingAttendance_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);

-- Timings for the summary: one row per phase (and per presenter slot phase) as it happened.
CREATE TABLE MeetingPhaseLog (
    Id INTEGER PRIMARY KEY AUTOINCREMENT,
    MeetingId INTEGER NOT NULL,
    Phase TEXT NOT NULL,
    PresenterId INTEGER NULL,
    StartedAt TEXT NOT NULL,
    EndedAt TEXT NULL,
    CONSTRAINT FK_MeetingPhaseLog_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MeetingPhaseLog_Members FOREIGN KEY (PresenterId) REFERENCES Members (Id) ON DELETE SET NULL
);
CREATE INDEX IX_MeetingPhaseLog_MeetingId ON MeetingPhaseLog (MeetingId, Id);

CREATE TABLE MeetingBids (
    MeetingId INTEGER NOT NULL,
    MemberId INTEGER NOT NULL,
    Minutes INTEGER NOT NULL,
    Headline TEXT NOT NULL,
    NoTime INTEGER NOT NULL DEFAULT 0,
    BidAt TEXT NOT NULL,
    CONSTRAINT PK_MeetingBids PRIMARY KEY (MeetingId, MemberId),
    CONSTRAINT FK_MeetingBids_SetMeetings FOREIGN KEY (MeetingId) REFERENCES SetMeetings (Id) ON DELETE CASCADE,
    CONSTRAINT FK_MeetingBids_Members FOREIGN KEY (MemberId) REFERENCES Members (Id) ON DELETE CASCADE
);
