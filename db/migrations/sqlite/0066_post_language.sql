-- The language a post is written in, chosen by its author (the reader's language by default); pages mark its text
-- with it, so browsers and screen readers speak it correctly. Posts written before the site spoke Welsh and Spanish are English.
ALTER TABLE Posts ADD COLUMN Language TEXT NOT NULL DEFAULT 'en-GB';
