-- Two more change counters (see 0067).
--   ThreadPages: what every reader of a thread page shares (its posts, their authors and the posts they answer,
--           reactions with who gave them, the thread's tags, and which @handles name a member). It moves on every write
--           to posts, reactions and tags, and to members' names and handles, including a new member whose handle a post
--           already mentions; Forum.Threads.SharedPageCache.
--   ThreadLists: the lists of threads by latest activity (threads, and the names of who started them and posted
--           last), before each reader's read positions are added; Forum.Threads.ThreadListCache.
INSERT INTO ChangeCounters (Name, Value) VALUES ('ThreadPages', 0), ('ThreadLists', 0);
CREATE TRIGGER Posts_ThreadPagesCounter_Insert AFTER INSERT ON Posts BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER Posts_ThreadPagesCounter_Update AFTER UPDATE ON Posts BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER Posts_ThreadPagesCounter_Delete AFTER DELETE ON Posts BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER PostReactions_ThreadPagesCounter_Insert AFTER INSERT ON PostReactions BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER PostReactions_ThreadPagesCounter_Update AFTER UPDATE ON PostReactions BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER PostReactions_ThreadPagesCounter_Delete AFTER DELETE ON PostReactions BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER ThreadTags_ThreadPagesCounter_Insert AFTER INSERT ON ThreadTags BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER ThreadTags_ThreadPagesCounter_Update AFTER UPDATE ON ThreadTags BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER ThreadTags_ThreadPagesCounter_Delete AFTER DELETE ON ThreadTags BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER Members_ThreadPagesCounter_Insert AFTER INSERT ON Members BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER Members_ThreadPagesCounter_Update AFTER UPDATE OF DisplayName, Handle, NormalizedHandle ON Members BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER Members_ThreadPagesCounter_Delete AFTER DELETE ON Members BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadPages'; END;
CREATE TRIGGER Threads_ThreadListsCounter_Insert AFTER INSERT ON Threads BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadLists'; END;
CREATE TRIGGER Threads_ThreadListsCounter_Update AFTER UPDATE ON Threads BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadLists'; END;
CREATE TRIGGER Threads_ThreadListsCounter_Delete AFTER DELETE ON Threads BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadLists'; END;
CREATE TRIGGER Members_ThreadListsCounter_Update AFTER UPDATE OF DisplayName ON Members BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadLists'; END;
CREATE TRIGGER Members_ThreadListsCounter_Delete AFTER DELETE ON Members BEGIN UPDATE ChangeCounters SET Value = Value + 1 WHERE Name = 'ThreadLists'; END;
