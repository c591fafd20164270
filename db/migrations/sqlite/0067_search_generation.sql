-- The search results' change counter: every write to what a search reads or shows (posts, their search text,
-- threads, tags, categories, and members' names and handles) moves it, inside the writing transaction. Search
-- caches a page of results under the counter it read before searching (ForumSearchOptions.CacheSeconds), so the next
-- search after any such write misses and sees it. Triggers rather than code, so no write path can forget it.
CREATE TABLE SearchGeneration (
    Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
    Value INTEGER NOT NULL
);
INSERT INTO SearchGeneration (Id, Value) VALUES (1, 0);
CREATE TRIGGER Posts_SearchGeneration_Insert AFTER INSERT ON Posts BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER Posts_SearchGeneration_Update AFTER UPDATE ON Posts BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER Posts_SearchGeneration_Delete AFTER DELETE ON Posts BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER Threads_SearchGeneration_Insert AFTER INSERT ON Threads BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER Threads_SearchGeneration_Update AFTER UPDATE ON Threads BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER Threads_SearchGeneration_Delete AFTER DELETE ON Threads BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER ForumCategories_SearchGeneration_Insert AFTER INSERT ON ForumCategories BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER ForumCategories_SearchGeneration_Update AFTER UPDATE ON ForumCategories BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER ForumCategories_SearchGeneration_Delete AFTER DELETE ON ForumCategories BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER PostSearchText_SearchGeneration_Insert AFTER INSERT ON PostSearchText BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER PostSearchText_SearchGeneration_Update AFTER UPDATE ON PostSearchText BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER PostSearchText_SearchGeneration_Delete AFTER DELETE ON PostSearchText BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER ThreadTags_SearchGeneration_Insert AFTER INSERT ON ThreadTags BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER ThreadTags_SearchGeneration_Update AFTER UPDATE ON ThreadTags BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER ThreadTags_SearchGeneration_Delete AFTER DELETE ON ThreadTags BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER Members_SearchGeneration_Update AFTER UPDATE OF DisplayName, Handle, NormalizedHandle ON Members BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
CREATE TRIGGER Members_SearchGeneration_Delete AFTER DELETE ON Members BEGIN UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1; END;
