-- An optional iCalendar (.ics) attachment, sent as text/calendar beside the plain-text body.
ALTER TABLE MailOutbox ADD COLUMN CalendarAttachment TEXT NULL;
