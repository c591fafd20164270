using System.Data.Common;
using Dapper;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>The forum's part of a member's data rights: their copy (export) and erasure.</summary>
public sealed class ForumMemberData(TimeProvider clock)
{
    public static async Task<object> ExportAsync(DbConnection connection, long memberId, CancellationToken ct)
    {
        var args = new { MemberId = memberId };
        return new
        {
            posts = await connection.QueryAsync(new CommandDefinition(ForumSql.ExportPosts, args, cancellationToken: ct)),
            bookmarks = await connection.QueryAsync(new CommandDefinition(ForumSql.ExportBookmarks, args, cancellationToken: ct)),
            reactions = await connection.QueryAsync(new CommandDefinition(ForumSql.ExportReactions, args, cancellationToken: ct)),
            drafts = await connection.QueryAsync(new CommandDefinition(ForumSql.ExportDrafts, args, cancellationToken: ct)),
            followedCategories = await connection.QueryAsync(new CommandDefinition(ForumSql.ExportCategorySubscriptions, args, cancellationToken: ct)),
        };
    }

    /// <summary>
    /// Runs inside the erasure transaction, before the member row is deleted. Their own rows (drafts, reads,
    /// reactions, bookmarks, follows, ignores, notifications) cascade with the member; this clears the rest.
    /// Posts stay as "former member" or, when <paramref name="removePosts"/>, become deleted placeholders with no text.
    /// </summary>
    public async Task EraseAsync(DbConnection connection, DbTransaction tx, long memberId, bool removePosts, CancellationToken ct)
    {
        if (removePosts)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.RemovePostsOf, new { MemberId = memberId, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.DetachMember, new { MemberId = memberId }, tx, cancellationToken: ct));
    }
}
