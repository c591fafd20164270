-- The nested view of a thread. Branch numbers a thread's top-level posts 1, 2, 3… in order: the opening post, and
-- every post that answers no other post, answers the opening post, or answers a post now in another thread (after
-- a split). A reply to any other post takes the Branch of the post it answers, so a reply to a reply stays with
-- the top-level post it descends from. Nested page p is then the range Branch (p-1)*20+1 .. p*20, read in
-- (Branch, Number) order from IX_Posts_ThreadId_Branch: no OFFSET, and each top-level post comes first in its branch.
ALTER TABLE Posts ADD Branch INT NOT NULL CONSTRAINT DF_Posts_Branch DEFAULT 0;
GO
WITH
    tops (Id, ThreadId, Number, Branch) AS (
        SELECT p.Id, p.ThreadId, p.Number, CAST(ROW_NUMBER() OVER (PARTITION BY p.ThreadId ORDER BY p.Number) AS INT)
        FROM Posts p LEFT JOIN Posts r ON r.Id = p.ReplyToPostId
        WHERE p.ReplyToPostId IS NULL OR r.Number = 1 OR r.ThreadId <> p.ThreadId
    ),
    chain (Id, ThreadId, Number, Branch) AS (
        SELECT Id, ThreadId, Number, Branch FROM tops
        UNION ALL
        SELECT c.Id, c.ThreadId, c.Number, chain.Branch
        FROM chain JOIN Posts c ON c.ReplyToPostId = chain.Id AND c.ThreadId = chain.ThreadId
        WHERE chain.Number > 1
    )
UPDATE p SET Branch = chain.Branch FROM Posts p JOIN chain ON chain.Id = p.Id
OPTION (MAXRECURSION 0);
GO
CREATE INDEX IX_Posts_ThreadId_Branch ON Posts (ThreadId, Branch, Number);
