using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Notifications;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Forum;

public sealed record NewThread(string Title, string Body, string ContentNote, IReadOnlyList<string> Tags);

public sealed record NewReply(long? ReplyToPostId, string Body, string ContentNote);

public sealed record PostedThread(long ThreadId, string Slug, long PostId);

/// <summary>
/// Every write that creates or changes post text. Each use case is one transaction: the post, the thread's counts
/// and ordering key, the search text, auto-follow, the notifications it causes and the end of the draft commit
/// together or not at all. Callers have already checked access (<see cref="ForumAccess"/>). On SQLite each
/// transaction queues at the write gate (<see cref="DbConnectionFactory.WriteLockAsync"/>) instead of blocking a
/// thread in SQLite's busy handler; Markdown is rendered before the gate, so only the SQL is serialized.
/// </summary>
public sealed class PostWriter(DbConnectionFactory db, TimeProvider clock, MarkdownRenderer renderer, NotificationStore notifications, ForumLive live,
    MailOutbox outbox, ForumMail mail, CategoryStore categories)
{
    public async Task<PostedThread> StartThreadAsync(ForumCategory category, long authorId, NewThread input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var body = Render(input.Body);
        var slug = ThreadSlug(input.Title);
        using var write = await db.WriteLockAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var activity = await NextActivityAsync(connection, tx, category.Id, ct);
        var threadId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ForumSql.InsertThread + db.Dialect.SelectInsertedId,
            new { CategoryId = category.Id, input.Title, Slug = slug, AuthorId = authorId, Now = now, SortKey = activity }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.CountThreadInCategory, new { CategoryId = category.Id }, tx, cancellationToken: ct));
        var postId = await InsertPostAsync(connection, tx, threadId, 1, authorId, null, input.Body, input.ContentNote, now, ct);
        foreach (var tag in input.Tags)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertThreadTag, new { ThreadId = threadId, Tag = tag }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertSearchText,
            new { PostId = postId, input.Title, Body = body.Text, Month = SearchMonths.Token(now) }, tx, cancellationToken: ct));
        var notified = await FollowAndNotifyAsync(connection, tx, category, new PostFacts(threadId, input.Title, postId, authorId, null, body, input.ContentNote), now, ct);
        await MarkReadAsync(connection, tx, authorId, threadId, 1, now, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.DeleteDraft, new { MemberId = authorId, DraftKey = DraftKeys.NewThread }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        categories.Changed();
        await live.NotifiedAsync(notified);
        return new PostedThread(threadId, slug, postId);
    }

    private readonly GroupCommit replies = new(db);

    private sealed record StoredReply(long PostId, int Number, IReadOnlyCollection<long> Notified);

    /// <summary>
    /// Returns the new post's id and Number. Replies are written by group commit (<see cref="GroupCommit"/>):
    /// replies that arrive together share one transaction, each still all or nothing.
    /// </summary>
    public async Task<(long PostId, int Number)> ReplyAsync(ForumCategory category, ThreadView thread, long authorId, NewReply input, CancellationToken ct)
    {
        var body = Render(input.Body);
        var stored = await replies.WriteAsync((connection, tx) => WriteReplyAsync(connection, tx, category, thread, authorId, input, body), ct);
        await live.PostAddedAsync(thread.Id, stored.PostId, stored.Number, stored.Notified);
        return (stored.PostId, stored.Number);
    }

    private async Task<StoredReply> WriteReplyAsync(DbConnection connection, DbTransaction tx, ForumCategory category, ThreadView thread, long authorId,
        NewReply input, RenderedBody body)
    {
        var now = clock.GetUtcNow();
        var ct = CancellationToken.None;
        var activity = await NextActivityAsync(connection, tx, category.Id, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.CountParticipant, new { ThreadId = thread.Id, AuthorId = authorId }, tx, cancellationToken: ct));
        var number = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ForumSql.BumpThread,
            new { ThreadId = thread.Id, AuthorId = authorId, Now = now, Activity = activity, PinnedOffset = ForumSql.PinnedSortOffset }, tx, cancellationToken: ct));
        var postId = await InsertPostAsync(connection, tx, thread.Id, number, authorId, input.ReplyToPostId, input.Body, input.ContentNote, now, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertSearchText,
            new { PostId = postId, Title = "", Body = body.Text, Month = SearchMonths.Token(now) }, tx, cancellationToken: ct));
        var repliedTo = input.ReplyToPostId is { } to
            ? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(ForumSql.SelectPostAuthor, new { PostId = to }, tx, cancellationToken: ct))
            : thread.AuthorId;
        var notified = await FollowAndNotifyAsync(connection, tx, category, new PostFacts(thread.Id, thread.Title, postId, authorId, repliedTo, body, input.ContentNote), now, ct);
        await MarkReadAsync(connection, tx, authorId, thread.Id, number, now, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.DeleteDraft, new { MemberId = authorId, DraftKey = DraftKeys.Reply(thread.Id) }, tx, cancellationToken: ct));
        return new StoredReply(postId, number, notified);
    }

    /// <summary>Keeps the text as it was in PostRevisions, then saves the new text (and the thread title, for an opening post).</summary>
    public async Task EditAsync(PostContext context, long editorId, string? title, string body, string contentNote, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var isOpening = context.Post.Number == 1;
        var newTitle = isOpening && title is not null ? title : context.Thread.Title;
        var rendered = Render(body);
        var mentionedBefore = Render(context.Post.Body).Mentions;
        using var write = await db.WriteLockAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertRevision, new
        {
            PostId = context.Post.Id, Title = isOpening ? context.Thread.Title : null, context.Post.Body, context.Post.ContentNote,
            EditorMemberId = editorId, Now = now,
        }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdatePostText,
            new { PostId = context.Post.Id, Body = body, ContentNote = contentNote, Now = now }, tx, cancellationToken: ct));
        if (isOpening && newTitle != context.Thread.Title)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdateThreadTitle,
                new { ThreadId = context.Thread.Id, Title = newTitle, Slug = ThreadSlug(newTitle) }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdateSearchText,
            new { PostId = context.Post.Id, Title = isOpening ? newTitle : "", Body = rendered.Text }, tx, cancellationToken: ct));
        var notified = context.Post.AuthorId is { } authorId
            ? await NotifyNewMentionsAsync(connection, tx, context,
                new PostFacts(context.Thread.Id, newTitle, context.Post.Id, authorId, null, rendered, contentNote), mentionedBefore, ct)
            : [];
        await tx.CommitAsync(ct);
        await live.PostEditedAsync(context.Thread.Id, context.Post.Id, context.Post.Number);
        await live.NotifiedAsync(notified);
    }

    /// <summary>Soft delete: the post keeps its number and place, shown as "This post was deleted"; it leaves search.</summary>
    public async Task DeleteAsync(PostContext context, CancellationToken ct)
    {
        using var write = await db.WriteLockAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.SoftDeletePost, new { PostId = context.Post.Id, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.DeleteSearchText, new { PostId = context.Post.Id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public static string ThreadSlug(string title)
    {
        var slug = Slugs.From(title, 80);
        return slug.Length == 0 ? "thread" : slug;
    }

    // Whoever writes a post has read the thread up to it.
    private static async Task MarkReadAsync(DbConnection connection, DbTransaction tx, long memberId, long threadId, int number, DateTimeOffset now, CancellationToken ct)
    {
        var args = new { MemberId = memberId, ThreadId = threadId, Number = number, Now = now };
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.AdvanceRead, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertRead, args, tx, cancellationToken: ct));
    }

    private static async Task<long> NextActivityAsync(DbConnection connection, DbTransaction tx, long categoryId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(ForumSql.NextActivity, new { CategoryId = categoryId }, tx, cancellationToken: ct));

    private async Task<long> InsertPostAsync(DbConnection connection, DbTransaction tx, long threadId, int number, long authorId, long? replyTo,
        string body, string contentNote, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(ForumSql.InsertPost + db.Dialect.SelectInsertedId, new
        {
            ThreadId = threadId, Number = number, AuthorId = authorId, ReplyToPostId = replyTo, Body = body, ContentNote = contentNote, Now = now,
        }, tx, cancellationToken: ct));

    /// <summary>
    /// The author follows the thread; mentioned members, followers and the author of the post replied to are notified,
    /// except the author, members who muted the thread or ignore the author, and anyone whose roles no longer open the category.
    /// </summary>
    private async Task<IReadOnlyCollection<long>> FollowAndNotifyAsync(DbConnection connection, DbTransaction tx, ForumCategory category, PostFacts post,
        DateTimeOffset now, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.AutoFollow, new { MemberId = post.AuthorId, ThreadId = post.ThreadId, Now = now }, tx, cancellationToken: ct));
        var mentioned = (await ThreadStore.MembersByHandleAsync(connection, post.Body.Mentions, ct, tx)).Values.ToList();
        var subscribers = (await connection.QueryAsync<(long MemberId, string Level)>(new CommandDefinition(ForumSql.SelectSubscribers,
            new { post.ThreadId }, tx, cancellationToken: ct))).ToList();
        var muted = subscribers.Where(s => s.Level == SubscriptionLevels.Muted).Select(s => s.MemberId).ToHashSet();
        var replyRecipients = subscribers.Where(s => s.Level == SubscriptionLevels.Following).Select(s => s.MemberId).ToList();
        if (post.RepliedToAuthorId is { } repliedTo)
        {
            // A direct answer reaches its addressee even if they stopped following (but not if they muted the thread).
            replyRecipients.Add(repliedTo);
        }
        return await NotifyAsync(connection, tx, category, post, mentioned, replyRecipients, muted, ct);
    }

    /// <summary>
    /// An edit notifies only members it newly mentions: not named in the text before the edit, and never notified of a
    /// mention in this post before (a name removed and put back does not notify twice).
    /// </summary>
    private async Task<IReadOnlyCollection<long>> NotifyNewMentionsAsync(DbConnection connection, DbTransaction tx, PostContext context, PostFacts post,
        IReadOnlyList<string> mentionedBefore, CancellationToken ct)
    {
        var before = mentionedBefore.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = post.Body.Mentions.Where(h => !before.Contains(h)).ToList();
        var mentioned = (await ThreadStore.MembersByHandleAsync(connection, added, ct, tx)).Values.ToList();
        if (mentioned.Count == 0)
        {
            return [];
        }
        var already = (await connection.QueryAsync<long>(new CommandDefinition(ForumSql.SelectMentionedBefore,
            new { PostId = post.PostId, MemberIds = mentioned, Kind = NotificationKinds.Mention }, tx, cancellationToken: ct))).ToHashSet();
        var muted = (await connection.QueryAsync<(long MemberId, string Level)>(new CommandDefinition(ForumSql.SelectSubscribers,
            new { post.ThreadId }, tx, cancellationToken: ct))).Where(s => s.Level == SubscriptionLevels.Muted).Select(s => s.MemberId).ToHashSet();
        return await NotifyAsync(connection, tx, context.Category, post, mentioned.Where(id => !already.Contains(id)).ToList(), [], muted, ct);
    }

    private async Task<IReadOnlyCollection<long>> NotifyAsync(DbConnection connection, DbTransaction tx, ForumCategory category, PostFacts post,
        IReadOnlyList<long> mentioned, IReadOnlyList<long> replyRecipients, IReadOnlySet<long> muted, CancellationToken ct)
    {
        var candidates = mentioned.Concat(replyRecipients).Where(id => id != post.AuthorId && !muted.Contains(id)).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return [];
        }
        var ignoring = (await connection.QueryAsync<long>(new CommandDefinition(ForumSql.SelectIgnoringAuthor,
            new { post.AuthorId, MemberIds = candidates }, tx, cancellationToken: ct))).ToHashSet();
        var roles = (await connection.QueryAsync<(long MemberId, string Role)>(new CommandDefinition(ForumSql.SelectRolesForMembers,
            new { MemberIds = candidates }, tx, cancellationToken: ct))).ToLookup(r => r.MemberId, r => r.Role);
        var notified = new HashSet<long>();
        var toAdd = new List<NewNotification>();
        foreach (var (ids, kind) in new[] { (mentioned, NotificationKinds.Mention), (replyRecipients, NotificationKinds.Reply) })
        {
            foreach (var id in ids.Where(candidates.Contains))
            {
                if (!ignoring.Contains(id) && ForumAccess.CanSee(category, roles[id].ToList()) && notified.Add(id))
                {
                    toAdd.Add(new NewNotification(id, kind, post.ThreadId, post.PostId, post.AuthorId));
                }
            }
        }
        await notifications.AddAsync(connection, tx, toAdd, ct);
        await EmailImmediatelyAsync(connection, tx, post, toAdd, ct);
        return notified;
    }

    /// <summary>
    /// Mentions and replies to the member's own post, to members with "Email me at once" on (Members.EmailImmediately):
    /// written to the outbox in this transaction, and only to members already cleared above (can see it, not muted, not
    /// ignoring, not the author).
    /// </summary>
    private async Task EmailImmediatelyAsync(DbConnection connection, DbTransaction tx, PostFacts post, IReadOnlyList<NewNotification> notified, CancellationToken ct)
    {
        var toEmail = notified.Where(n => n.Kind == NotificationKinds.Mention || n.MemberId == post.RepliedToAuthorId).ToList();
        if (toEmail.Count == 0)
        {
            return;
        }
        var recipients = (await connection.QueryAsync<MailRecipient>(new CommandDefinition(ForumSql.SelectImmediateRecipients,
            new { MemberIds = toEmail.Select(n => n.MemberId).ToList() }, tx, cancellationToken: ct))).ToDictionary(r => r.Id);
        if (recipients.Count == 0)
        {
            return;
        }
        var authorName = await connection.ExecuteScalarAsync<string>(new CommandDefinition(ForumSql.SelectDisplayName,
            new { MemberId = post.AuthorId }, tx, cancellationToken: ct)) ?? "A member";
        foreach (var n in toEmail)
        {
            if (recipients.TryGetValue(n.MemberId, out var to))
            {
                var facts = new ImmediateMailFacts(n.Kind == NotificationKinds.Mention, post.ThreadTitle, authorName, post.Body.Text, post.ContentNote, post.PostId);
                await outbox.EnqueueAsync(connection, tx, mail.Immediate(to, facts), ct);
            }
        }
    }

    private sealed record PostFacts(long ThreadId, string ThreadTitle, long PostId, long AuthorId, long? RepliedToAuthorId, RenderedBody Body, string ContentNote);

    /// <summary>What the writes need of a post's Markdown: its plain text (search, email) and the handles it mentions.</summary>
    private sealed record RenderedBody(string Text, IReadOnlyList<string> Mentions);

    // Rendering and reading the HTML back are the costly parts of a post; done here, before any write queues, they
    // stay out of the serialized part (on SQLite, one writer at a time).
    private RenderedBody Render(string markdown)
    {
        var html = renderer.Render(markdown);
        return new RenderedBody(PostText.From(html), MentionLinker.Handles(html));
    }
}
