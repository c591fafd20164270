-- The language a member chose in Settings (or with the footer's switch while signed in): en-GB, cy-GB or es-ES.
-- Empty means "not chosen": the language cookie, then the browser's Accept-Language, decide.
ALTER TABLE Members ADD COLUMN Language TEXT NULL;
