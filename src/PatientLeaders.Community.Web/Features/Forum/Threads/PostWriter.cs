using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Forum.Email;
using PatientLeaders.Community.Web.Features.Forum.Saved;
using PatientLeaders.Community.Web.Features.Forum.Search;
using PatientLeaders.Community.Web.Features.Notifications;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Localization;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>A new thread's opening post; <paramref name="Language"/> is the author's choice, a site culture (English when empty).</summary>
public sealed record NewThread(string Title, string Body, string ContentNote, IReadOnlyList<string> Tags, string Language = "");

public sealed record NewReply(long? ReplyToPostId, string Body, string ContentNote, string Language = "");

public sealed record PostedThread(long ThreadId, string Slug, long PostId);

/// <summary>
/// Every write that creates or changes post text. Each use case is one transaction: the post, the thread's counts
/// and ordering key, the search text, auto-follow, the notifications it causes and the end of the draft commit
/// together or not at all. Callers have already checked access (<see cref="ForumAccess"/>). On SQLite each
/// transaction queues at the write gate (<see cref="DbConnectionFactory.WriteLockAsync"/>) instead of blocking a
/// thread in SQLite's busy handler. Markdown is rendered, and who to notify chosen, before the gate, so only the writes
/// are serialized.
/// </summary>
public sealed class PostWriter(DbConnectionFactory db, TimeProvider clock, MarkdownRenderer renderer, NotificationStore notifications, ForumLive live,
    MailOutbox outbox, ForumMail mail, CategoryStore categories) : IDisposable
{
    public async Task<PostedThread> StartThreadAsync(ForumCategory category, long authorId, NewThread input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var body = Render(input.Body);
        var slug = ThreadSlug(input.Title);
        var facts = new PostFacts(input.Title, authorId, null, body, input.ContentNote);
        var audience = await AudienceForNewPostAsync(category, null, null, facts, ct);
        using var write = await db.WriteLockAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var activity = await NextActivityAsync(connection, tx, category.Id, ct);
        var threadId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ForumSql.InsertThread + db.Dialect.SelectInsertedId,
            new { CategoryId = category.Id, input.Title, Slug = slug, AuthorId = authorId, Now = now, SortKey = activity }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.CountThreadInCategory, new { CategoryId = category.Id }, tx, cancellationToken: ct));
        var postId = await InsertPostAsync(connection, tx, threadId, 1, authorId, null, input.Body, input.ContentNote, input.Language, now, ct);
        foreach (var tag in input.Tags)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertThreadTag, new { ThreadId = threadId, Tag = tag }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertSearchText,
            new { PostId = postId, input.Title, Body = body.Text, Month = SearchMonths.Token(now) }, tx, cancellationToken: ct));
        await AutoFollowAsync(connection, tx, authorId, threadId, now, ct);
        var notified = await NotifyAsync(connection, tx, audience, facts, threadId, postId, ct);
        await MarkReadAsync(connection, tx, authorId, threadId, 1, now, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.DeleteDraft, new { MemberId = authorId, DraftKey = DraftKeys.NewThread }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        categories.Changed();
        await live.NotifiedAsync(notified);
        return new PostedThread(threadId, slug, postId);
    }

    private readonly GroupCommit replies = new(db);

    public void Dispose() => replies.Dispose();

    private sealed record StoredReply(long PostId, int Number, IReadOnlyCollection<long> Notified);

    /// <summary>
    /// Returns the new post's id and Number. Replies are written by group commit (<see cref="GroupCommit"/>):
    /// replies that arrive together share one transaction, each still all or nothing.
    /// </summary>
    public async Task<(long PostId, int Number)> ReplyAsync(ForumCategory category, ThreadView thread, long authorId, NewReply input, CancellationToken ct)
    {
        var body = Render(input.Body);
        var facts = new PostFacts(thread.Title, authorId, thread.AuthorId, body, input.ContentNote);
        var audience = await AudienceForNewPostAsync(category, thread.Id, input.ReplyToPostId, facts, ct);
        var stored = await replies.WriteAsync((connection, tx) => WriteReplyAsync(connection, tx, category, thread, input, facts, audience), ct);
        await live.PostAddedAsync(thread.Id, stored.PostId, stored.Number, stored.Notified);
        return (stored.PostId, stored.Number);
    }

    private async Task<StoredReply> WriteReplyAsync(DbConnection connection, DbTransaction tx, ForumCategory category, ThreadView thread,
        NewReply input, PostFacts facts, Audience audience)
    {
        var (authorId, body) = (facts.AuthorId, facts.Body);
        var now = clock.GetUtcNow();
        var ct = CancellationToken.None;
        var activity = await NextActivityAsync(connection, tx, category.Id, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.CountParticipant, new { ThreadId = thread.Id, AuthorId = authorId }, tx, cancellationToken: ct));
        var number = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ForumSql.BumpThread,
            new { ThreadId = thread.Id, AuthorId = authorId, Now = now, Activity = activity, PinnedOffset = ForumSql.PinnedSortOffset }, tx, cancellationToken: ct));
        var postId = await InsertPostAsync(connection, tx, thread.Id, number, authorId, input.ReplyToPostId, input.Body, input.ContentNote, input.Language, now, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertSearchText,
            new { PostId = postId, Title = "", Body = body.Text, Month = SearchMonths.Token(now) }, tx, cancellationToken: ct));
        await AutoFollowAsync(connection, tx, authorId, thread.Id, now, ct);
        var notified = await NotifyAsync(connection, tx, audience, facts, thread.Id, postId, ct);
        await MarkReadAsync(connection, tx, authorId, thread.Id, number, now, ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.DeleteDraft, new { MemberId = authorId, DraftKey = DraftKeys.Reply(thread.Id) }, tx, cancellationToken: ct));
        return new StoredReply(postId, number, notified);
    }

    /// <summary>Keeps the text as it was in PostRevisions, then saves the new text (and the thread title, for an opening post).</summary>
    public async Task EditAsync(PostContext context, long editorId, string? title, string body, string contentNote, string language, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var isOpening = context.Post.Number == 1;
        var newTitle = isOpening && title is not null ? title : context.Thread.Title;
        var rendered = Render(body);
        var facts = context.Post.AuthorId is { } authorId ? new PostFacts(newTitle, authorId, null, rendered, contentNote) : null;
        var audience = facts is null ? Audience.Nobody : await AudienceForEditAsync(context, facts, Render(context.Post.Body).Mentions, ct);
        using var write = await db.WriteLockAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertRevision, new
        {
            PostId = context.Post.Id, Title = isOpening ? context.Thread.Title : null, context.Post.Body, context.Post.ContentNote,
            EditorMemberId = editorId, Now = now,
        }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdatePostText,
            new { PostId = context.Post.Id, Body = body, ContentNote = contentNote, Language = SiteCultures.Match(language) ?? context.Post.Language, Now = now }, tx, cancellationToken: ct));
        if (isOpening && newTitle != context.Thread.Title)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdateThreadTitle,
                new { ThreadId = context.Thread.Id, Title = newTitle, Slug = ThreadSlug(newTitle) }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdateSearchText,
            new { PostId = context.Post.Id, Title = isOpening ? newTitle : "", Body = rendered.Text }, tx, cancellationToken: ct));
        var notified = facts is null ? [] : await NotifyAsync(connection, tx, audience, facts, context.Thread.Id, context.Post.Id, ct);
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
        string body, string contentNote, string language, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(ForumSql.InsertPost + db.Dialect.SelectInsertedId, new
        {
            ThreadId = threadId, Number = number, AuthorId = authorId, ReplyToPostId = replyTo, Body = body, ContentNote = contentNote,
            Language = SiteCultures.Match(language) ?? SiteCultures.Default, Now = now,
        }, tx, cancellationToken: ct));

    /// <summary>
    /// Who hears of a new post: mentioned members, followers of the thread (none yet for a new thread) and the author of
    /// the post replied to (<paramref name="replyToPostId"/>; when null, the one the caller put in the facts); never
    /// the author, members who muted the thread or ignore the author, or anyone whose roles no longer open the category.
    /// Read before the write queues, so that on SQLite these lookups run beside other writers rather than behind them;
    /// a follow that lands in the milliseconds between is treated as coming after.
    /// </summary>
    private async Task<Audience> AudienceForNewPostAsync(ForumCategory category, long? threadId, long? replyToPostId, PostFacts post, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (replyToPostId is { } to)
        {
            var author = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(ForumSql.SelectPostAuthor, new { PostId = to }, cancellationToken: ct));
            post = post with { RepliedToAuthorId = author };
        }
        var mentioned = (await ThreadStore.MembersByHandleAsync(connection, post.Body.Mentions, ct)).Values.ToList();
        var subscribers = threadId is { } id
            ? (await connection.QueryAsync<(long MemberId, string Level)>(new CommandDefinition(ForumSql.SelectSubscribers,
                new { ThreadId = id }, cancellationToken: ct))).ToList()
            : [];
        var muted = subscribers.Where(s => s.Level == SubscriptionLevels.Muted).Select(s => s.MemberId).ToHashSet();
        var replyRecipients = subscribers.Where(s => s.Level == SubscriptionLevels.Following).Select(s => s.MemberId).ToList();
        if (post.RepliedToAuthorId is { } repliedTo)
        {
            // A direct answer reaches its addressee even if they stopped following (but not if they muted the thread).
            replyRecipients.Add(repliedTo);
        }
        return await ChooseAsync(connection, category, post, mentioned, replyRecipients, muted, ct);
    }

    /// <summary>
    /// An edit notifies only members it newly mentions: not named in the text before the edit, and never notified of a
    /// mention in this post before (a name removed and put back does not notify twice).
    /// </summary>
    private async Task<Audience> AudienceForEditAsync(PostContext context, PostFacts post, IReadOnlyList<string> mentionedBefore, CancellationToken ct)
    {
        var before = mentionedBefore.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = post.Body.Mentions.Where(h => !before.Contains(h)).ToList();
        if (added.Count == 0)
        {
            return Audience.Nobody;
        }
        await using var connection = await db.OpenAsync(ct);
        var mentioned = (await ThreadStore.MembersByHandleAsync(connection, added, ct)).Values.ToList();
        if (mentioned.Count == 0)
        {
            return Audience.Nobody;
        }
        var already = (await connection.QueryAsync<long>(new CommandDefinition(ForumSql.SelectMentionedBefore,
            new { PostId = context.Post.Id, MemberIds = mentioned, Kind = NotificationKinds.Mention }, cancellationToken: ct))).ToHashSet();
        var muted = (await connection.QueryAsync<(long MemberId, string Level)>(new CommandDefinition(ForumSql.SelectSubscribers,
            new { ThreadId = context.Thread.Id }, cancellationToken: ct))).Where(s => s.Level == SubscriptionLevels.Muted).Select(s => s.MemberId).ToHashSet();
        return await ChooseAsync(connection, context.Category, post, mentioned.Where(id => !already.Contains(id)).ToList(), [], muted, ct);
    }

    /// <summary>
    /// Mentions and replies to the member's own post are also emailed at once to members with "Email me at once" on
    /// (Members.EmailImmediately), and only to members already cleared here.
    /// </summary>
    private static async Task<Audience> ChooseAsync(DbConnection connection, ForumCategory category, PostFacts post,
        IReadOnlyList<long> mentioned, IReadOnlyList<long> replyRecipients, IReadOnlySet<long> muted, CancellationToken ct)
    {
        var candidates = mentioned.Concat(replyRecipients).Where(id => id != post.AuthorId && !muted.Contains(id)).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return Audience.Nobody;
        }
        var ignoring = (await connection.QueryAsync<long>(new CommandDefinition(ForumSql.SelectIgnoringAuthor,
            new { post.AuthorId, MemberIds = candidates }, cancellationToken: ct))).ToHashSet();
        var roles = (await connection.QueryAsync<(long MemberId, string Role)>(new CommandDefinition(ForumSql.SelectRolesForMembers,
            new { MemberIds = candidates }, cancellationToken: ct))).ToLookup(r => r.MemberId, r => r.Role);
        var notified = new List<(long MemberId, string Kind)>();
        var seen = new HashSet<long>();
        foreach (var (ids, kind) in new[] { (mentioned, NotificationKinds.Mention), (replyRecipients, NotificationKinds.Reply) })
        {
            foreach (var id in ids.Where(candidates.Contains))
            {
                if (!ignoring.Contains(id) && ForumAccess.CanSee(category, roles[id].ToList()) && seen.Add(id))
                {
                    notified.Add((id, kind));
                }
            }
        }

        var toEmail = notified.Where(n => n.Kind == NotificationKinds.Mention || n.MemberId == post.RepliedToAuthorId).ToList();
        if (toEmail.Count == 0)
        {
            return new Audience(notified, [], "");
        }
        var recipients = (await connection.QueryAsync<MailRecipient>(new CommandDefinition(ForumSql.SelectImmediateRecipients,
            new { MemberIds = toEmail.Select(n => n.MemberId).ToList() }, cancellationToken: ct))).ToDictionary(r => r.Id);
        if (recipients.Count == 0)
        {
            return new Audience(notified, [], "");
        }
        var authorName = await connection.ExecuteScalarAsync<string>(new CommandDefinition(ForumSql.SelectDisplayName,
            new { MemberId = post.AuthorId }, cancellationToken: ct)) ?? "A member";
        var emailed = toEmail.Where(n => recipients.ContainsKey(n.MemberId))
            .Select(n => (recipients[n.MemberId], n.Kind == NotificationKinds.Mention)).ToList();
        return new Audience(notified, emailed, authorName);
    }

    /// <summary>
    /// Writes the chosen notifications and immediate mails in the post's own transaction, so they exist exactly when
    /// the post does. Returns who was notified, for the live badge.
    /// </summary>
    private async Task<IReadOnlyCollection<long>> NotifyAsync(DbConnection connection, DbTransaction tx, Audience audience, PostFacts post, long threadId,
        long postId, CancellationToken ct)
    {
        await notifications.AddAsync(connection, tx,
            audience.Notified.Select(n => new NewNotification(n.MemberId, n.Kind, threadId, postId, post.AuthorId)).ToList(), ct);
        foreach (var (to, isMention) in audience.Emailed)
        {
            var facts = new ImmediateMailFacts(isMention, post.ThreadTitle, audience.AuthorName, post.Body.Text, post.ContentNote, postId);
            await outbox.EnqueueAsync(connection, tx, mail.Immediate(to, facts), ct);
        }
        return audience.Notified.Select(n => n.MemberId).ToList();
    }

    // The author follows what they write in.
    private static Task AutoFollowAsync(DbConnection connection, DbTransaction tx, long authorId, long threadId, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(ForumSql.AutoFollow, new { MemberId = authorId, ThreadId = threadId, Now = now }, tx, cancellationToken: ct));

    /// <summary>What a post says about itself to the people it notifies.</summary>
    private sealed record PostFacts(string ThreadTitle, long AuthorId, long? RepliedToAuthorId, RenderedBody Body, string ContentNote);

    /// <summary>Who is notified of a post (and of what kind), who of them is also emailed at once, and the author's name for the mail.</summary>
    private sealed record Audience(IReadOnlyList<(long MemberId, string Kind)> Notified, IReadOnlyList<(MailRecipient To, bool IsMention)> Emailed,
        string AuthorName)
    {
        public static readonly Audience Nobody = new([], [], "");
    }

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
