-- A cohort run with a partner organisation may keep its places for the partner's members: they apply through a
-- link the partner shares, which carries PartnerCode. Anyone else sees who the places are for.
ALTER TABLE ProgrammeCohorts ADD ReservedForPartner BIT NOT NULL CONSTRAINT DF_ProgrammeCohorts_ReservedForPartner DEFAULT 0;
ALTER TABLE ProgrammeCohorts ADD PartnerCode NVARCHAR(40) NULL;
