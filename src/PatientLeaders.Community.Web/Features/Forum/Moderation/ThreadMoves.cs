using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>Which posts a split takes: the chosen ones, or the first chosen one and every post after it.</summary>
public sealed record SplitRequest(IReadOnlyCollection<long> PostIds, bool AndEverythingAfter, ForumCategory Category, string Title);

/// <summary>
/// Moving a thread to another category, and splitting posts off into a new thread. Moderators only (the pages
/// check); each is one transaction with its audit-log row. Thread URLs carry no category, so a moved thread keeps
/// its address; search, category lists and counts read the thread's category when they run, so they follow.
/// </summary>
public sealed class ThreadMoves(DbConnectionFactory db, TimeProvider clock, CategoryStore categories)
{
    private readonly string selectActivityKeyBefore = db.Dialect.Limit(ForumSql.SelectActivityKeyBefore);

    private sealed record ShapeRow
    {
        public long Id { get; init; }
        public int Number { get; init; }
        public int Branch { get; init; }
        public long? ReplyToPostId { get; init; }
        public long? AuthorId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>
    /// The thread keeps its place by last activity: in its new category it sorts among the other threads by when it was
    /// last posted in (as Discourse keeps bumped_at), not as if just active (see <see cref="SlotByLastActivityAsync"/>).
    /// </summary>
    public async Task MoveAsync(ForumCategory from, ThreadView thread, ForumCategory to, long moderatorId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await NextActivityAsync(connection, tx, to.Id, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.MoveThread, new { ThreadId = thread.Id, CategoryId = to.Id }, tx, cancellationToken: ct));
        await SlotByLastActivityAsync(connection, tx, to.Id, thread.Id, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.UncountThreadInCategory, new { CategoryId = from.Id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.CountThreadInCategory, new { CategoryId = to.Id }, tx, cancellationToken: ct));
        await ModerationStore.RecordAsync(connection, tx,
            new ModerationRecord(moderatorId, ModerationActionKinds.Move, thread.Id, null, null, $"From {from.Name} to {to.Name}"), clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        categories.Changed();
    }

    /// <summary>
    /// The chosen posts leave <paramref name="thread"/> for a new thread, keeping their order. Both threads are
    /// renumbered without gaps (posts before the first moved one keep their numbers), branches for the nested view
    /// are worked out afresh, reading positions are carried over, and the counts are recomputed. A reply whose post
    /// is now in the other thread keeps its link (shown as "a post in another thread"). Returns the new thread, or
    /// null when the selection is not a set of replies in this thread. A split is not activity: the new thread sorts by
    /// its last post, and the old one, if its last post left, by the post that is last now.
    /// </summary>
    public async Task<PostedThread?> SplitAsync(ThreadView thread, SplitRequest request, long moderatorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var posts = (await connection.QueryAsync<ShapeRow>(new CommandDefinition(ForumSql.SelectThreadShape,
            new { ThreadId = thread.Id }, tx, cancellationToken: ct))).ToList();
        var chosen = request.PostIds.ToHashSet();
        if (chosen.Count == 0 || !chosen.All(id => posts.Any(p => p.Id == id && p.Number > 1)))
        {
            return null;
        }
        var firstNumber = posts.Where(p => chosen.Contains(p.Id)).Min(p => p.Number);
        var moved = posts.Where(p => chosen.Contains(p.Id) || (request.AndEverythingAfter && p.Number >= firstNumber)).ToList();
        var kept = posts.Except(moved).ToList();
        var opening = moved[0];

        // Both categories' counters are taken first, in a fixed order, as a new post takes its category's before its thread.
        foreach (var categoryId in new[] { thread.CategoryId, request.Category.Id }.Distinct().Order())
        {
            await NextActivityAsync(connection, tx, categoryId, ct);
        }
        var slug = PostWriter.ThreadSlug(request.Title);
        var newThreadId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ForumSql.InsertThread + db.Dialect.SelectInsertedId,
            new { CategoryId = request.Category.Id, request.Title, Slug = slug, opening.AuthorId, Now = opening.CreatedAt, SortKey = 0 },
            tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.CountThreadInCategory, new { CategoryId = request.Category.Id }, tx, cancellationToken: ct));

        // Posts move with their old numbers first: no (thread, number) pair can clash in the new thread, and the
        // reading positions are carried over by comparing old numbers.
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.MovePostToThread,
            moved.Select(p => new { p.Id, ThreadId = newThreadId }).ToList(), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.SplitReadingPositions,
            new { ThreadId = thread.Id, NewThreadId = newThreadId }, tx, cancellationToken: ct));

        // Renumbering in ascending order only ever moves a post down to a number nobody holds any more.
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.RenumberPost, Shape(moved), tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.RenumberPost,
            Shape(kept).Where((k, i) => kept[i].Number != k.Number || kept[i].Branch != k.Branch).ToList(), tx, cancellationToken: ct));

        foreach (var id in new[] { thread.Id, newThreadId })
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.RecountThread, new { ThreadId = id }, tx, cancellationToken: ct));
        }
        await SlotByLastActivityAsync(connection, tx, request.Category.Id, newThreadId, ct);
        if (moved.Contains(posts[^1]))
        {
            await SlotByLastActivityAsync(connection, tx, thread.CategoryId, thread.Id, ct);
        }
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdateSearchTitle, new { PostId = opening.Id, request.Title }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.MoveNotifications, new { NewThreadId = newThreadId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.FollowSplitThread, new { NewThreadId = newThreadId, Now = now }, tx, cancellationToken: ct));
        var numbers = string.Join(", ", moved.Take(10).Select(p => "#" + p.Number)) + (moved.Count > 10 ? $" and {moved.Count - 10} more" : "");
        await ModerationStore.RecordAsync(connection, tx, new ModerationRecord(moderatorId, ModerationActionKinds.Split, thread.Id, opening.Id, null,
            $"Posts {numbers} moved to a new thread (#{newThreadId}) in {request.Category.Name}: {request.Title}"), now, ct);
        await tx.CommitAsync(ct);
        categories.Changed();
        return new PostedThread(newThreadId, slug, opening.Id);
    }

    /// <summary>
    /// New numbers 1, 2, 3… in order, and branches as InsertPost gives them: a post answering a post of the same
    /// group (other than the opening post) joins that post's branch; any other post starts the next branch.
    /// </summary>
    private static List<RenumberedPost> Shape(IReadOnlyList<ShapeRow> posts)
    {
        var result = new List<RenumberedPost>(posts.Count);
        var branchOf = new Dictionary<long, int>();
        var openingId = posts.Count > 0 ? posts[0].Id : 0;
        var branches = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            var branch = post.ReplyToPostId is { } parent && parent != openingId && branchOf.TryGetValue(parent, out var parentBranch)
                ? parentBranch
                : ++branches;
            branchOf[post.Id] = branch;
            result.Add(new RenumberedPost(post.Id, i + 1, branch));
        }
        return result;
    }

    private sealed record RenumberedPost(long Id, int Number, int Branch);

    /// <summary>
    /// Gives a thread already in <paramref name="categoryId"/> the activity key that fits its LastPostAt among the
    /// category's other threads (pinned ones keep the pinned offset). The category's counter is bumped first, which
    /// keeps it above every key after room is made and holds off new posts there until the transaction commits.
    /// </summary>
    private async Task SlotByLastActivityAsync(DbConnection connection, DbTransaction tx, long categoryId, long threadId, CancellationToken ct)
    {
        await NextActivityAsync(connection, tx, categoryId, ct);
        var after = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(selectActivityKeyBefore,
            new { CategoryId = categoryId, ThreadId = threadId, PinnedOffset = ForumSql.PinnedSortOffset, Take = 1 }, tx, cancellationToken: ct)) ?? 0;
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.MakeRoomAfterActivityKey,
            new { CategoryId = categoryId, After = after, PinnedOffset = ForumSql.PinnedSortOffset }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.SetActivityKey,
            new { ThreadId = threadId, Activity = after + 1, PinnedOffset = ForumSql.PinnedSortOffset }, tx, cancellationToken: ct));
    }

    private static async Task<long> NextActivityAsync(DbConnection connection, DbTransaction tx, long categoryId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(ForumSql.NextActivity, new { CategoryId = categoryId }, tx, cancellationToken: ct));
}
