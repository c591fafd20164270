-- Change counters: each names a set of tables and moves, inside the writing transaction, on every write to them. A
-- page that reads the same thing for many readers keeps what it read under the counter it read first (Data.ChangeCounters),
-- so the next read after any such write, on any server, misses and sees it. Triggers rather than code, so no write
-- path can forget one.
--   Search: what a forum search finds or shows (posts, their search text, threads, tags, categories, and members'
--           names and handles); Forum.Search.SearchCache.
--   OpenOpportunities: the opportunities open to the pool, their organisations and their applicant counts;
--           Involvement.Opportunities.OpportunityStore.
CREATE TABLE ChangeCounters (
    Name TEXT NOT NULL PRIMARY KEY,
    Value INTEGER NOT NULL
);
INSERT INTO ChangeCounters (Name, Value) VALUES ('Search', 0), ('OpenOpportunities', 0);
CREATE TRIGGER Posts_SearchCounter_Insert AFTER INSERT ON Posts BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER Posts_SearchCounter_Update AFTER UPDATE ON Posts BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER Posts_SearchCounter_Delete AFTER DELETE ON Posts BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER Threads_SearchCounter_Insert AFTER INSERT ON Threads BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER Threads_SearchCounter_Update AFTER UPDATE ON Threads BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER Threads_SearchCounter_Delete AFTER DELETE ON Threads BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER ForumCategories_SearchCounter_Insert AFTER INSERT ON ForumCategories BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER ForumCategories_SearchCounter_Update AFTER UPDATE ON ForumCategories BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER ForumCategories_SearchCounter_Delete AFTER DELETE ON ForumCategories BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER PostSearchText_SearchCounter_Insert AFTER INSERT ON PostSearchText BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER PostSearchText_SearchCounter_Update AFTER UPDATE ON PostSearchText BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER PostSearchText_SearchCounter_Delete AFTER DELETE ON PostSearchText BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER ThreadTags_SearchCounter_Insert AFTER INSERT ON ThreadTags BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER ThreadTags_SearchCounter_Update AFTER UPDATE ON ThreadTags BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER ThreadTags_SearchCounter_Delete AFTER DELETE ON ThreadTags BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER Members_SearchCounter_Update AFTER UPDATE OF DisplayName, Handle, NormalizedHandle ON Members BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER Members_SearchCounter_Delete AFTER DELETE ON Members BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'Search'; END;
CREATE TRIGGER Opportunities_OpenOpportunitiesCounter_Insert AFTER INSERT ON Opportunities BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
CREATE TRIGGER Opportunities_OpenOpportunitiesCounter_Update AFTER UPDATE ON Opportunities BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
CREATE TRIGGER Opportunities_OpenOpportunitiesCounter_Delete AFTER DELETE ON Opportunities BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
CREATE TRIGGER OpportunityApplications_OpenOpportunitiesCounter_Insert AFTER INSERT ON OpportunityApplications BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
CREATE TRIGGER OpportunityApplications_OpenOpportunitiesCounter_Update AFTER UPDATE ON OpportunityApplications BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
CREATE TRIGGER OpportunityApplications_OpenOpportunitiesCounter_Delete AFTER DELETE ON OpportunityApplications BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
CREATE TRIGGER Organisations_OpenOpportunitiesCounter_Insert AFTER INSERT ON Organisations BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
CREATE TRIGGER Organisations_OpenOpportunitiesCounter_Update AFTER UPDATE ON Organisations BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
CREATE TRIGGER Organisations_OpenOpportunitiesCounter_Delete AFTER DELETE ON Organisations BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'OpenOpportunities'; END;
