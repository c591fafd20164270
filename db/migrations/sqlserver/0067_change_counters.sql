-- Change counters: each names a set of tables and moves, inside the writing transaction, on every write to them. A
-- page that reads the same thing for many readers keeps what it read under the counter it read first (Data.ChangeCounters),
-- so the next read after any such write, on any server, misses and sees it. Triggers rather than code, so no write
-- path can forget one.
--   Search: what a forum search finds or shows (posts, their search text, threads, tags, categories, and members'
--           names and handles); Forum.Search.SearchCache.
--   OpenOpportunities: the opportunities open to the pool, their organisations and their applicant counts;
--           Involvement.Opportunities.OpportunityStore.
CREATE TABLE ChangeCounters (
    Name NVARCHAR(40) NOT NULL CONSTRAINT PK_ChangeCounters PRIMARY KEY,
    Value BIGINT NOT NULL
);
INSERT INTO ChangeCounters (Name, Value) VALUES (N'Search', 0), (N'OpenOpportunities', 0);
GO
CREATE TRIGGER TR_Posts_SearchCounter ON Posts AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search';
END
GO
CREATE TRIGGER TR_Threads_SearchCounter ON Threads AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search';
END
GO
CREATE TRIGGER TR_ForumCategories_SearchCounter ON ForumCategories AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search';
END
GO
CREATE TRIGGER TR_PostSearchText_SearchCounter ON PostSearchText AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search';
END
GO
CREATE TRIGGER TR_ThreadTags_SearchCounter ON ThreadTags AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search';
END
GO
CREATE TRIGGER TR_Opportunities_OpenOpportunitiesCounter ON Opportunities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities';
END
GO
CREATE TRIGGER TR_OpportunityApplications_OpenOpportunitiesCounter ON OpportunityApplications AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities';
END
GO
CREATE TRIGGER TR_Organisations_OpenOpportunitiesCounter ON Organisations AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities';
END
GO
CREATE TRIGGER TR_Members_SearchCounter ON Members AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE(DisplayName) OR UPDATE(Handle) OR UPDATE(NormalizedHandle) OR NOT EXISTS (SELECT 1 FROM inserted)
        UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search';
END
