using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Forum.Saved;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

public sealed record ThreadListPage(IReadOnlyList<ThreadListItem> Threads, int PageCount);

/// <summary>
/// Everything one page of a thread shows, loaded on one connection: the part every reader shares (from
/// <see cref="SharedPageCache"/> when it holds it) and the reader's own, in one command.
/// </summary>
public sealed record ThreadPageData(
    IReadOnlyList<PostView> Posts,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ReactionRow> Reactions,
    IReadOnlyDictionary<string, long> MentionedMembers,
    ReaderPageState Reader);

/// <summary>
/// What is one member's own on a page of a thread: how far they had read, their bookmarks among the page's posts,
/// whom they ignore, their subscription, their draft reply, and which of the page's posts have notifications they
/// have not read. A guest has none of it.
/// </summary>
public sealed record ReaderPageState(int? LastRead, IReadOnlySet<long> Bookmarked, IReadOnlySet<long> Ignored, string? Subscription,
    DraftView? Draft, IReadOnlyList<long> UnreadNotificationPosts)
{
    public static readonly ReaderPageState Guest = new(null, new HashSet<long>(), new HashSet<long>(), null, null, []);
}

/// <summary>Reads threads and posts. Callers decide visibility first (see <see cref="ForumAccess"/>).</summary>
public sealed class ThreadStore(DbConnectionFactory db, SharedPageCache pages, ThreadListCache lists, TimeProvider clock)
{
    // Lists of ids reach these as one JSON parameter: Dapper's expansion of a list into a parameter each rewrote
    // the statement on every call and gave each length a statement of its own.
    private readonly string tagsForThreadsSql = JsonIntegers.InStatement(db.Dialect, ForumSql.SelectTagsForThreads, "@ThreadIds");
    private readonly string reactionsForPostsSql = JsonIntegers.InStatement(db.Dialect, ForumSql.SelectReactionsForPosts, "@PostIds");
    // The reader's own rows on a page, each a seek, as one command of six statements on the page's connection.
    private readonly string readerStateSql = string.Join(";\n",
        ForumSql.SelectLastRead,
        JsonIntegers.InStatement(db.Dialect, ForumSql.SelectBookmarkedAmong, "@PostIds"),
        ForumSql.SelectIgnoredIds,
        ForumSql.SelectSubscription,
        ForumSql.SelectDraft,
        JsonIntegers.InStatement(db.Dialect, Notifications.NotificationsSql.SelectUnreadPostIdsAmong, "@PostIds"));
    private readonly string readsAmongSql = JsonIntegers.InStatement(db.Dialect, ForumSql.SelectReadsAmong, "@ThreadIds");
    private readonly string latestSql = db.Dialect.Limit(string.Format(System.Globalization.CultureInfo.InvariantCulture,
        ForumSql.SelectLatest, db.Dialect.IntegersFromJson("@CategoryIds"), ""));
    private readonly string latestUnreadSql = db.Dialect.Limit(string.Format(System.Globalization.CultureInfo.InvariantCulture,
        ForumSql.SelectLatest, db.Dialect.IntegersFromJson("@CategoryIds"), ForumSql.UnreadFilter));

    public async Task<ThreadView?> FindAsync(long threadId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ThreadView>(new CommandDefinition(ForumSql.SelectThread, new { ThreadId = threadId }, cancellationToken: ct));
    }

    public async Task<PostView?> FindPostAsync(long postId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PostView>(new CommandDefinition(ForumSql.SelectPost, new { PostId = postId }, cancellationToken: ct));
    }

    public async Task<long?> PostIdByNumberAsync(long threadId, int number, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(ForumSql.SelectPostIdByNumber, new { ThreadId = threadId, Number = number }, cancellationToken: ct));
    }

    public async Task<ThreadListPage> ListAsync(ForumCategory category, int page, string? tag, long? memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var filter = tag is null ? "" : ForumSql.TagFilter;
        var total = tag is null
            ? category.ThreadCount
            : await connection.ExecuteScalarAsync<int>(new CommandDefinition(ForumSql.CountThreadsWithTag, new { CategoryId = category.Id, Tag = tag }, cancellationToken: ct));
        var pageCount = Paging.PageCount(total, Paging.ThreadsPerPage);
        page = Paging.Clamp(page, pageCount);

        long? startKey = long.MaxValue;
        if (page > 1)
        {
            startKey = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                db.Dialect.SkipTake(string.Format(System.Globalization.CultureInfo.InvariantCulture, ForumSql.SelectPageStartKey, filter)),
                new { CategoryId = category.Id, Tag = tag, Skip = (page - 1) * Paging.ThreadsPerPage, Take = 1 }, cancellationToken: ct));
        }
        if (startKey is null)
        {
            return new ThreadListPage([], pageCount);
        }
        var threads = (await connection.QueryAsync<ThreadListItem>(new CommandDefinition(
            db.Dialect.Limit(string.Format(System.Globalization.CultureInfo.InvariantCulture, ForumSql.SelectThreadPage, filter)),
            new { CategoryId = category.Id, Tag = tag, StartKey = startKey, MemberId = memberId ?? 0, Take = Paging.ThreadsPerPage },
            cancellationToken: ct))).ToList();
        if (threads.Count > 0)
        {
            var tags = (await connection.QueryAsync<(long ThreadId, string Tag)>(new CommandDefinition(tagsForThreadsSql,
                new { ThreadIds = JsonIntegers.From(threads.Select(t => t.Id)) }, cancellationToken: ct))).ToLookup(r => r.ThreadId, r => r.Tag);
            threads = threads.Select(t => t with { Tags = tags[t.Id].ToList() }).ToList();
        }
        return new ThreadListPage(threads, pageCount);
    }

    /// <summary>
    /// Threads in <paramref name="categoryIds"/> (which the caller has checked the reader may see) by latest activity,
    /// older than <paramref name="before"/>; with <paramref name="unreadOnly"/>, only those with posts the member has not read.
    /// </summary>
    public async Task<IReadOnlyList<ThreadListItem>> LatestAsync(IReadOnlyCollection<long> categoryIds, long? memberId, LatestCursor? before,
        bool unreadOnly, int take, CancellationToken ct)
    {
        if (categoryIds.Count == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        var categories = JsonIntegers.From(categoryIds);
        if (unreadOnly && memberId is not null)
        {
            // Which threads it holds depends on the reader's read positions: nothing to share.
            return await ReadLatestAsync(connection, latestUnreadSql, categories, memberId.Value, before, take, ct);
        }
        var shared = await lists.GetAsync(connection, categories, before, take, () => ReadLatestAsync(connection, latestSql, categories, 0, before, take, ct), ct);
        if (memberId is not { } id || shared.Count == 0)
        {
            return shared;
        }
        var reads = (await connection.QueryAsync<(long ThreadId, int LastReadNumber)>(new CommandDefinition(readsAmongSql,
            new { MemberId = id, ThreadIds = JsonIntegers.From(shared.Select(t => t.Id)) }, cancellationToken: ct))).ToDictionary(r => r.ThreadId, r => r.LastReadNumber);
        return reads.Count == 0 ? shared : shared.Select(t => reads.TryGetValue(t.Id, out var read) ? t with { LastReadNumber = read } : t).ToList();
    }

    /// <summary>The list as <paramref name="memberId"/> reads it; member 0, who never reads, gives the list every reader shares.</summary>
    private static async Task<IReadOnlyList<ThreadListItem>> ReadLatestAsync(DbConnection connection, string sql, string categories, long memberId,
        LatestCursor? before, int take, CancellationToken ct) =>
        (await connection.QueryAsync<ThreadListItem>(new CommandDefinition(sql,
            new
            {
                CategoryIds = categories,
                MemberId = memberId,
                Before = before?.LastPostAt ?? DateTimeOffset.MaxValue,
                BeforeId = before?.ThreadId ?? long.MaxValue,
                Take = take,
            }, cancellationToken: ct))).AsList();

    public async Task<IReadOnlyList<long>> FollowedCategoryIdsAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(ForumSql.SelectFollowedCategoryIds, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Posts numbered <paramref name="first"/>..<paramref name="last"/> (the in-order view).</summary>
    public Task<ThreadPageData> LoadPageAsync(long threadId, int first, int last, long? memberId, CancellationToken ct) =>
        LoadPageAsync(nested: false, threadId, first, last, memberId, ct);

    /// <summary>Branches <paramref name="first"/>..<paramref name="last"/> in (Branch, Number) order (the nested view).</summary>
    public Task<ThreadPageData> LoadNestedPageAsync(long threadId, int first, int last, long? memberId, CancellationToken ct) =>
        LoadPageAsync(nested: true, threadId, first, last, memberId, ct);

    public async Task<int> BranchCountAsync(long threadId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(ForumSql.SelectBranchCount, new { ThreadId = threadId }, cancellationToken: ct)) ?? 0;
    }

    /// <summary>The lowest post Number shown on a nested page after branch <paramref name="branch"/>, or null when none is.</summary>
    public async Task<int?> FirstNumberAfterBranchAsync(long threadId, int branch, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(ForumSql.SelectFirstNumberAfterBranch,
            new { ThreadId = threadId, Branch = branch }, cancellationToken: ct));
    }

    private async Task<ThreadPageData> LoadPageAsync(bool nested, long threadId, int first, int last, long? memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var shared = await pages.GetAsync(connection, threadId, nested, first, last,
            () => ReadSharedAsync(connection, nested ? ForumSql.SelectPostsByBranch : ForumSql.SelectPostsByNumber, threadId, first, last, ct), ct);
        var reader = memberId is { } id ? await ReadReaderStateAsync(connection, id, threadId, shared.Posts, ct) : ReaderPageState.Guest;
        return new ThreadPageData(shared.Posts, shared.Tags, shared.Reactions, shared.MentionedMembers, reader);
    }

    private async Task<ReaderPageState> ReadReaderStateAsync(DbConnection connection, long memberId, long threadId, IReadOnlyList<PostView> posts,
        CancellationToken ct)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(readerStateSql, new
        {
            MemberId = memberId,
            ThreadId = threadId,
            PostIds = JsonIntegers.From(posts.Select(p => p.Id)),
            DraftKey = DraftKeys.Reply(threadId),
        }, cancellationToken: ct));
        return new ReaderPageState(
            LastRead: await results.ReadSingleOrDefaultAsync<int?>(),
            Bookmarked: (await results.ReadAsync<long>()).ToHashSet(),
            Ignored: (await results.ReadAsync<long>()).ToHashSet(),
            Subscription: await results.ReadSingleOrDefaultAsync<string>(),
            Draft: await results.ReadSingleOrDefaultAsync<DraftView>(),
            UnreadNotificationPosts: (await results.ReadAsync<long>()).AsList());
    }

    /// <summary>The part of a page every reader shares; <see cref="SharedPageCache"/> keeps it. Names the tables its counter watches.</summary>
    private async Task<SharedPage> ReadSharedAsync(DbConnection connection, string sql, long threadId, int first, int last, CancellationToken ct)
    {
        var posts = (await connection.QueryAsync<PostView>(new CommandDefinition(sql,
            new { ThreadId = threadId, First = first, Last = last }, cancellationToken: ct))).ToList();
        var tags = (await connection.QueryAsync<string>(new CommandDefinition(ForumSql.SelectThreadTags, new { ThreadId = threadId }, cancellationToken: ct))).ToList();
        var reactions = posts.Count == 0 ? [] : (await connection.QueryAsync<ReactionRow>(new CommandDefinition(reactionsForPostsSql,
            new { PostIds = JsonIntegers.From(posts.Select(p => p.Id)) }, cancellationToken: ct))).ToList();
        var handles = posts.Where(p => !p.IsDeleted).SelectMany(p => Mentions.Parse(p.Body)).Distinct().ToList();
        return new SharedPage(posts, tags, reactions, await MembersByHandleAsync(connection, handles, ct));
    }

    /// <summary>
    /// Moves the member's reading position forward to <paramref name="number"/> (never back). Done on GET, like
    /// every forum's read tracking: it changes only the reader's own unread marks.
    /// </summary>
    public async Task MarkReadAsync(long memberId, long threadId, int number, CancellationToken ct)
    {
        var args = new { MemberId = memberId, ThreadId = threadId, Number = number, Now = clock.GetUtcNow() };
        await using var connection = await db.OpenAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(ForumSql.AdvanceRead, args, cancellationToken: ct)) > 0)
        {
            return;
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertRead, args, cancellationToken: ct));
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            // Another tab of the same member got there first; its position is as good as ours.
        }
    }

    public async Task<IReadOnlyList<RevisionView>> RevisionsAsync(long postId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<RevisionView>(new CommandDefinition(ForumSql.SelectRevisions, new { PostId = postId }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyDictionary<string, long>> MembersByHandleAsync(IReadOnlyCollection<string> handles, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await MembersByHandleAsync(connection, handles, ct);
    }

    internal static async Task<IReadOnlyDictionary<string, long>> MembersByHandleAsync(DbConnection connection, IReadOnlyCollection<string> handles, CancellationToken ct, DbTransaction? tx = null)
    {
        if (handles.Count == 0)
        {
            return new Dictionary<string, long>();
        }
        var rows = await connection.QueryAsync<(long Id, string Handle)>(new CommandDefinition(ForumSql.SelectMembersByHandle,
            new { NormalizedHandles = handles.Select(h => h.ToUpperInvariant()).ToList() }, tx, cancellationToken: ct));
        return rows.ToDictionary(r => r.Handle.ToLowerInvariant(), r => r.Id, StringComparer.Ordinal);
    }
}
