using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Notifications;

/// <summary>
/// In-app notifications. Features add them inside their own transaction (<see cref="AddAsync"/>), so a notification
/// exists exactly when the thing it announces does. Email delivery and digests come later and will read these rows.
/// </summary>
public sealed class NotificationStore(DbConnectionFactory db, TimeProvider clock)
{
    public const int PageSize = 50;

    // Built once: one of them runs on every signed-in page.
    private readonly string countUnreadSql = CountCapped(db, NotificationsSql.SelectUnreadIds);
    private readonly string countUnreadEverywhereSql = CountCapped(db, NotificationsSql.SelectUnreadIdsEverywhere);

    private readonly string insertForMembersSql = JsonIntegers.InStatement(db.Dialect, NotificationsSql.InsertForMembers, "@MemberIds");
    private readonly string markReadForPostsSql = JsonIntegers.InStatement(db.Dialect, NotificationsSql.MarkReadForPosts, "@PostIds");

    private static string CountCapped(DbConnectionFactory db, string orderedQuery) => "SELECT COUNT(*) FROM (" + db.Dialect.Limit(orderedQuery) + ") capped";

    public async Task AddAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<NewNotification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var same in notifications.GroupBy(n => (n.Kind, n.ThreadId, n.PostId, n.ActorMemberId)))
        {
            var (kind, threadId, postId, actorId) = same.Key;
            await connection.ExecuteAsync(new CommandDefinition(insertForMembersSql, new
            {
                MemberIds = JsonIntegers.From(same.Select(n => n.MemberId)), Kind = kind, ThreadId = threadId, PostId = postId,
                ActorMemberId = actorId, CreatedAt = now,
            }, tx, cancellationToken: ct));
        }
    }

    /// <summary>
    /// The unread count for the header, counted no further than <see cref="UnreadCountCap"/>. Null
    /// <paramref name="visibleCategoryIds"/>: the member can open every category, so no thread need be looked up.
    /// </summary>
    public async Task<int> UnreadCountAsync(long memberId, IReadOnlyCollection<long>? visibleCategoryIds, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return visibleCategoryIds is null
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition(countUnreadEverywhereSql,
                new { MemberId = memberId, Take = UnreadCountCap }, cancellationToken: ct))
            : await connection.ExecuteScalarAsync<int>(new CommandDefinition(countUnreadSql,
                new { MemberId = memberId, CategoryIds = visibleCategoryIds.ToList(), Take = UnreadCountCap }, cancellationToken: ct));
    }

    /// <summary>The header shows "99+" from here on.</summary>
    public const int UnreadCountCap = 100;

    public async Task<IReadOnlyList<NotificationView>> RecentAsync(long memberId, IReadOnlyCollection<long> visibleCategoryIds, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<NotificationView>(new CommandDefinition(db.Dialect.Limit(NotificationsSql.SelectRecent),
            new { MemberId = memberId, CategoryIds = visibleCategoryIds.ToList(), Take = PageSize }, cancellationToken: ct))).ToList();
    }

    public async Task MarkAllReadAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(NotificationsSql.MarkAllRead, new { MemberId = memberId, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>
    /// Seeing the posts is reading their notifications. The thread page passes only the posts it found unread
    /// notifications for (<see cref="NotificationsSql.SelectUnreadPostIdsAmong"/>), so the usual page writes nothing.
    /// </summary>
    public async Task MarkReadForPostsAsync(long memberId, IReadOnlyCollection<long> postIds, CancellationToken ct)
    {
        if (postIds.Count == 0)
        {
            return;
        }
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(markReadForPostsSql,
            new { MemberId = memberId, PostIds = JsonIntegers.From(postIds), Now = clock.GetUtcNow() }, cancellationToken: ct));
    }
}
