-- Two more change counters (see 0067).
--   ThreadPages: what every reader of a thread page shares (its posts, their authors and the posts they answer,
--           reactions with who gave them, the thread's tags, and which @handles name a member). It moves on every write
--           to posts, reactions and tags, and to members' names and handles, including a new member whose handle a post
--           already mentions; Forum.Threads.SharedPageCache.
--   ThreadLists: the lists of threads by latest activity (threads, and the names of who started them and posted
--           last), before each reader's read positions are added; Forum.Threads.ThreadListCache.
INSERT INTO ChangeCounters (Name, Value) VALUES (N'ThreadPages', 0), (N'ThreadLists', 0);
GO
CREATE TRIGGER TR_Posts_ThreadPagesCounter ON Posts AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages';
END
GO
CREATE TRIGGER TR_PostReactions_ThreadPagesCounter ON PostReactions AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages';
END
GO
CREATE TRIGGER TR_ThreadTags_ThreadPagesCounter ON ThreadTags AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages';
END
GO
CREATE TRIGGER TR_Members_ThreadPagesCounter ON Members AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE(DisplayName) OR UPDATE(Handle) OR UPDATE(NormalizedHandle) OR NOT EXISTS (SELECT 1 FROM inserted) OR NOT EXISTS (SELECT 1 FROM deleted)
        UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages';
END
GO
CREATE TRIGGER TR_Threads_ThreadListsCounter ON Threads AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadLists';
END
GO
CREATE TRIGGER TR_Members_ThreadListsCounter ON Members AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE(DisplayName) OR NOT EXISTS (SELECT 1 FROM inserted)
        UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadLists';
END
