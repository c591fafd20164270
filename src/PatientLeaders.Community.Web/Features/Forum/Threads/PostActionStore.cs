using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>A member's own marks on the forum: reactions, bookmarks, following or muting threads, ignoring members.</summary>
public sealed class PostActionStore(DbConnectionFactory db, TimeProvider clock)
{
    /// <summary>Adds the reaction, or takes it back if the member had already given it. Returns true when it is now on.</summary>
    public async Task<bool> ToggleReactionAsync(long postId, long memberId, string kind, CancellationToken ct)
    {
        var args = new { PostId = postId, MemberId = memberId, Kind = kind, Now = clock.GetUtcNow() };
        return await ToggleAsync(ForumSql.DeleteReaction, ForumSql.InsertReaction, args, ct);
    }

    public async Task<bool> ToggleBookmarkAsync(long postId, long memberId, CancellationToken ct)
    {
        var args = new { PostId = postId, MemberId = memberId, Now = clock.GetUtcNow() };
        return await ToggleAsync(ForumSql.DeleteBookmark, ForumSql.InsertBookmark, args, ct);
    }

    public async Task<IReadOnlyList<BookmarkView>> BookmarksAsync(long memberId, IReadOnlyCollection<long> visibleCategoryIds, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<BookmarkView>(new CommandDefinition(db.Dialect.Limit(ForumSql.SelectBookmarks),
            new { MemberId = memberId, CategoryIds = visibleCategoryIds.ToList(), Take = 200 }, cancellationToken: ct))).ToList();
    }

    /// <summary>Following, Muted, or null for the default (no notifications unless mentioned).</summary>
    public async Task SetSubscriptionAsync(long threadId, long memberId, string? level, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { ThreadId = threadId, MemberId = memberId, Level = level, Now = clock.GetUtcNow() };
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.DeleteSubscription, args, tx, cancellationToken: ct));
        if (level is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertSubscription, args, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    public async Task FollowCategoryAsync(long categoryId, long memberId, bool follow, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { CategoryId = categoryId, MemberId = memberId, Now = clock.GetUtcNow() };
        await connection.ExecuteAsync(new CommandDefinition(follow ? ForumSql.FollowCategory : ForumSql.UnfollowCategory, args, cancellationToken: ct));
    }

    public async Task<bool> FollowsCategoryAsync(long categoryId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(ForumSql.SelectCategoryFollowed,
            new { CategoryId = categoryId, MemberId = memberId }, cancellationToken: ct)) > 0;
    }

    public async Task IgnoreAsync(long memberId, long ignoredMemberId, bool ignore, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { MemberId = memberId, IgnoredMemberId = ignoredMemberId, Now = clock.GetUtcNow() };
        await connection.ExecuteAsync(new CommandDefinition(ignore ? ForumSql.InsertIgnore : ForumSql.DeleteIgnore, args, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<IgnoredMember>> IgnoredAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<IgnoredMember>(new CommandDefinition(ForumSql.SelectIgnored, new { MemberId = memberId }, cancellationToken: ct))).ToList();
    }

    // Delete first: if nothing was there, insert. A double click that races is settled by the primary key.
    private async Task<bool> ToggleAsync(string delete, string insert, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var removed = await connection.ExecuteAsync(new CommandDefinition(delete, args, tx, cancellationToken: ct));
        if (removed == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(insert, args, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return removed == 0;
    }
}
