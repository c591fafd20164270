-- A coordinator may close an open request kindly (issue 5): the message they wrote to the mentee is kept with it.
ALTER TABLE MentoringRequests ADD COLUMN ClosedMessage TEXT NULL;
