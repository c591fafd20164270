-- The facilitator watch looks at every meeting under way (not closed), in Id order.
CREATE INDEX IX_SetMeetings_Open ON SetMeetings (ClosedAt, Id);
