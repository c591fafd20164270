-- A set's way in by phone or video call, for anyone who cannot or will not use the room: a link and dial-in details,
-- set once for the set and copied to each meeting, where the facilitator may change them.
ALTER TABLE Sets ADD CallLink NVARCHAR(500) NOT NULL CONSTRAINT DF_Sets_CallLink DEFAULT N'';
ALTER TABLE Sets ADD DialIn NVARCHAR(200) NOT NULL CONSTRAINT DF_Sets_DialIn DEFAULT N'';
ALTER TABLE SetMeetings ADD CallLink NVARCHAR(500) NOT NULL CONSTRAINT DF_SetMeetings_CallLink DEFAULT N'';
ALTER TABLE SetMeetings ADD DialIn NVARCHAR(200) NOT NULL CONSTRAINT DF_SetMeetings_DialIn DEFAULT N'';
