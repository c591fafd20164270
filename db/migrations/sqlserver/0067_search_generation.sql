-- The search results' change counter: every write to what a search reads or shows (posts, their search text,
-- threads, tags, categories, and members' names and handles) moves it, inside the writing transaction. Search
-- caches a page of results under the counter it read before searching (ForumSearchOptions.CacheSeconds), so the next
-- search after any such write misses and sees it. Triggers rather than code, so no write path can forget it.
CREATE TABLE SearchGeneration (
    Id INT NOT NULL CONSTRAINT PK_SearchGeneration PRIMARY KEY CONSTRAINT CK_SearchGeneration_Id CHECK (Id = 1),
    Value BIGINT NOT NULL
);
INSERT INTO SearchGeneration (Id, Value) VALUES (1, 0);
GO
CREATE TRIGGER TR_Posts_SearchGeneration ON Posts AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1;
END
GO
CREATE TRIGGER TR_Threads_SearchGeneration ON Threads AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1;
END
GO
CREATE TRIGGER TR_ForumCategories_SearchGeneration ON ForumCategories AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1;
END
GO
CREATE TRIGGER TR_PostSearchText_SearchGeneration ON PostSearchText AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1;
END
GO
CREATE TRIGGER TR_ThreadTags_SearchGeneration ON ThreadTags AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1;
END
GO
CREATE TRIGGER TR_Members_SearchGeneration ON Members AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE(DisplayName) OR UPDATE(Handle) OR UPDATE(NormalizedHandle) OR NOT EXISTS (SELECT 1 FROM inserted)
        UPDATE SearchGeneration SET Value = Value + 1 WHERE Id = 1;
END
