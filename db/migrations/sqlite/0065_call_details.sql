-- A set's way in by phone or video call, for anyone who cannot or will not use the room: a link and dial-in details,
-- set once for the set and copied to each meeting, where the facilitator may change them.
ALTER TABLE Sets ADD COLUMN CallLink TEXT NOT NULL DEFAULT '';
ALTER TABLE Sets ADD COLUMN DialIn TEXT NOT NULL DEFAULT '';
ALTER TABLE SetMeetings ADD COLUMN CallLink TEXT NOT NULL DEFAULT '';
ALTER TABLE SetMeetings ADD COLUMN DialIn TEXT NOT NULL DEFAULT '';
