-- The language a post is written in, chosen by its author (the reader's language by default); pages mark its text
-- with it, so browsers and screen readers speak it correctly. Posts written before the site spoke Welsh and Spanish are English.
ALTER TABLE Posts ADD Language NVARCHAR(10) NOT NULL CONSTRAINT DF_Posts_Language DEFAULT N'en-GB';
