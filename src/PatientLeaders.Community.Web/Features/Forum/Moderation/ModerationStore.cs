using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Notifications;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Infrastructure.Mail;
using PatientLeaders.Community.Web.Features.Forum.Search;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

/// <summary>Moderators' actions, each written to ModerationActions in the same transaction as the change itself.</summary>
public sealed class ModerationStore(DbConnectionFactory db, TimeProvider clock, MarkdownRenderer renderer, NotificationStore notifications,
    MailOutbox outbox, ModerationMail mail, IOptions<ModerationOptions> options)
{
    public Task SetPinnedAsync(ThreadView thread, long moderatorId, bool pinned, CancellationToken ct) =>
        InTransactionAsync(moderatorId, pinned ? ModerationActionKinds.Pin : ModerationActionKinds.Unpin, thread.Id, null, "", ct,
            (c, tx) => c.ExecuteAsync(new CommandDefinition(ForumSql.SetThreadPinned,
                new { ThreadId = thread.Id, IsPinned = pinned, PinnedOffset = ForumSql.PinnedSortOffset }, tx, cancellationToken: ct)));

    public Task SetLockedAsync(ThreadView thread, long moderatorId, bool locked, CancellationToken ct) =>
        InTransactionAsync(moderatorId, locked ? ModerationActionKinds.Lock : ModerationActionKinds.Unlock, thread.Id, null, "", ct,
            (c, tx) => c.ExecuteAsync(new CommandDefinition(ForumSql.SetThreadLocked, new { ThreadId = thread.Id, IsLocked = locked }, tx, cancellationToken: ct)));

    /// <summary>Hides a post from everyone but its author and moderators, with a reason the author sees; it leaves search.</summary>
    public Task HideAsync(PostContext context, long moderatorId, string reason, CancellationToken ct) =>
        InTransactionAsync(moderatorId, ModerationActionKinds.Hide, context.Thread.Id, context.Post.Id, reason, ct, async (c, tx) =>
        {
            await c.ExecuteAsync(new CommandDefinition(ForumSql.HidePost,
                new { PostId = context.Post.Id, ModeratorId = moderatorId, Reason = reason, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(ForumSql.DeleteSearchText, new { PostId = context.Post.Id }, tx, cancellationToken: ct));
        });

    public Task RestoreAsync(PostContext context, long moderatorId, CancellationToken ct) =>
        InTransactionAsync(moderatorId, ModerationActionKinds.Restore, context.Thread.Id, context.Post.Id, "", ct, async (c, tx) =>
        {
            await c.ExecuteAsync(new CommandDefinition(ForumSql.RestorePost, new { PostId = context.Post.Id }, tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(ForumSql.DeleteSearchText, new { PostId = context.Post.Id }, tx, cancellationToken: ct));
            if (!context.Post.IsDeleted)
            {
                await c.ExecuteAsync(new CommandDefinition(ForumSql.InsertSearchText, new
                {
                    PostId = context.Post.Id, Title = context.Post.Number == 1 ? context.Thread.Title : "", Body = PostText.From(renderer.Render(context.Post.Body)),
                    Month = SearchMonths.Token(context.Post.CreatedAt),
                }, tx, cancellationToken: ct));
            }
        });

    /// <summary>
    /// Records a report and, in the same transaction, tells every moderator: a notification (the header's badge) and an
    /// email each. A "worried about this person" report is urgent, and goes to the on-call moderators too.
    /// </summary>
    public async Task FlagAsync(PostContext context, long flaggerId, string reason, string note, CancellationToken ct)
    {
        var urgent = reason == FlagReasons.Worried;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertFlag,
            new { PostId = context.Post.Id, FlaggerId = flaggerId, Reason = reason, Note = note, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        var moderators = (await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(ForumSql.SelectModerators, tx, cancellationToken: ct))).ToList();
        if (urgent && options.Value.OnCallHandles is { Count: > 0 } onCall)
        {
            moderators.AddRange(await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(
                ForumSql.SelectOnCallModerators, new { Handles = onCall }, tx, cancellationToken: ct)));
        }
        // Never the reporter, nor the author of the post (a moderator is not told of a report about their own words).
        var recipients = moderators.Where(m => m.Id != flaggerId && m.Id != context.Post.AuthorId).DistinctBy(m => m.Id).ToList();
        await notifications.AddAsync(connection, tx, recipients.Select(m => new NewNotification(m.Id,
            urgent ? NotificationKinds.UrgentReport : NotificationKinds.Report, context.Thread.Id, context.Post.Id, flaggerId)).ToList(), ct);
        foreach (var moderator in recipients)
        {
            await outbox.EnqueueAsync(connection, tx, mail.Report(moderator, context.Thread.Title, urgent), ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Open reports, and how many of them are urgent, for the "Moderation" link's badge.</summary>
    public async Task<(int Open, int Urgent)> OpenCountsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<(int, int)>(new CommandDefinition(ForumSql.CountOpenFlags,
            new { Worried = FlagReasons.Worried }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<FlagView>> OpenFlagsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<FlagView>(new CommandDefinition(db.Dialect.Limit(ForumSql.SelectOpenFlags), new { Take = 200 }, cancellationToken: ct))).ToList();
    }

    public async Task<long?> FlaggedPostIdAsync(long flagId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(ForumSql.SelectFlagPostId, new { FlagId = flagId }, cancellationToken: ct));
    }

    public Task ResolveFlagAsync(long flagId, long postId, long threadId, long moderatorId, string resolution, CancellationToken ct) =>
        InTransactionAsync(moderatorId, ModerationActionKinds.ResolveFlag, threadId, postId, resolution, ct,
            (c, tx) => c.ExecuteAsync(new CommandDefinition(ForumSql.ResolveFlag,
                new { FlagId = flagId, ModeratorId = moderatorId, Resolution = resolution, Now = clock.GetUtcNow() }, tx, cancellationToken: ct)));

    /// <summary>Records an action about a member (a suspension, or lifting one), carried out by the Accounts feature.</summary>
    public async Task RecordMemberActionAsync(long moderatorId, string action, long memberId, string reason, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RecordAsync(connection, tx, new ModerationRecord(moderatorId, action, null, null, memberId, reason), clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// One page of the moderation log, newest first, after (older than) or before (newer than) the cursor's action.
    /// Going newer past the newest page shows the first page, so "Newer" always lands on a full page.
    /// </summary>
    public async Task<ModerationLogPage> LogAsync(ModerationLogFilter filter, ModerationLogCursor? cursor, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await LogRowsAsync(connection, filter, cursor, take, ct);
        if (cursor is { Newer: true })
        {
            if (rows.Count > take)
            {
                return new ModerationLogPage(rows.Take(take).Reverse().ToList(), HasNewer: true, HasOlder: true);
            }
            rows = await LogRowsAsync(connection, filter, null, take, ct);
            cursor = null;
        }
        return new ModerationLogPage(rows.Take(take).ToList(), HasNewer: cursor is not null, HasOlder: rows.Count > take);
    }

    private async Task<List<ModerationActionView>> LogRowsAsync(DbConnection connection, ModerationLogFilter filter, ModerationLogCursor? cursor, int take,
        CancellationToken ct) =>
        (await connection.QueryAsync<ModerationActionView>(new CommandDefinition(db.Dialect.Limit(LogSql(filter, cursor)), LogArgs(filter, cursor, take + 1),
            cancellationToken: ct))).ToList();

    internal static object LogArgs(ModerationLogFilter filter, ModerationLogCursor? cursor, int take) => new
    {
        filter.Action, filter.ModeratorId, filter.SubjectMemberId, filter.ThreadId, filter.CategoryId, filter.From, filter.To, CursorId = cursor?.Id ?? 0, Take = take,
    };

    /// <summary>The log query for these filters and this cursor, without its row limit (tests read its query plan).</summary>
    internal static string LogSql(ModerationLogFilter filter, ModerationLogCursor? cursor)
    {
        var sql = new StringBuilder(ForumSql.SelectModerationLog);
        if (filter.Action is not null)
        {
            sql.Append(ForumSql.LogActionFilter);
        }
        if (filter.ModeratorId is not null)
        {
            sql.Append(ForumSql.LogModeratorFilter);
        }
        if (filter.SubjectMemberId is not null)
        {
            sql.Append(ForumSql.LogSubjectFilter);
        }
        if (filter.ThreadId is not null)
        {
            sql.Append(ForumSql.LogThreadFilter);
        }
        if (filter.CategoryId is not null)
        {
            sql.Append(ForumSql.LogCategoryFilter);
        }
        if (filter.From is not null)
        {
            sql.Append(ForumSql.LogFromFilter);
        }
        if (filter.To is not null)
        {
            sql.Append(ForumSql.LogToFilter);
        }
        if (cursor is not null)
        {
            sql.Append(cursor.Newer ? ForumSql.LogNewerThan : ForumSql.LogOlderThan);
        }
        sql.Append(cursor is { Newer: true } ? ForumSql.LogOldestFirst : ForumSql.LogNewestFirst);
        return sql.ToString();
    }

    private async Task InTransactionAsync(long moderatorId, string action, long? threadId, long? postId, string reason, CancellationToken ct,
        Func<DbConnection, DbTransaction, Task> change)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await change(connection, tx);
        await RecordAsync(connection, tx, new ModerationRecord(moderatorId, action, threadId, postId, null, reason), clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Writes one audit-log row inside the caller's transaction (for actions other stores carry out).</summary>
    internal static Task RecordAsync(DbConnection connection, DbTransaction tx, ModerationRecord record, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertModerationAction, new
        {
            ModeratorId = record.ModeratorId, record.Action, record.ThreadId, record.PostId, record.SubjectMemberId, record.Reason, Now = now,
        }, tx, cancellationToken: ct));
}
