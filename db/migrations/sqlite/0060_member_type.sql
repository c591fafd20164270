-- Who a member is in health and care: a patient leader, a clinician or a manager. Partnership programmes bring one
-- of each together; applying for one starts from this answer.
ALTER TABLE MemberProfiles ADD COLUMN MemberType TEXT NOT NULL DEFAULT 'PatientLeader';
