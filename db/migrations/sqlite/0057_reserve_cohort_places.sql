-- A cohort run with a partner organisation may keep its places for the partner's members: they apply through a
-- link the partner shares, which carries PartnerCode. Anyone else sees who the places are for.
ALTER TABLE ProgrammeCohorts ADD COLUMN ReservedForPartner INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ProgrammeCohorts ADD COLUMN PartnerCode TEXT NULL;
