using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>
/// Private messages. Every read goes through the member's place in the conversation; nobody else, moderators
/// included, can open one. A message, its number and the emails it causes are one transaction.
/// </summary>
public sealed class MessageStore(DbConnectionFactory db, TimeProvider clock, MailOutbox outbox, MessageMail mail)
{
    private readonly string participantsOfManySql = JsonIntegers.InStatement(db.Dialect, MessagesSql.SelectParticipantsOfMany, "@ConversationIds");
    private readonly string blockedByMeSql = JsonIntegers.InStatement(db.Dialect, MessagesSql.CountBlockedBySender, "@MemberIds");
    private readonly string blockedMeSql = JsonIntegers.InStatement(db.Dialect, MessagesSql.CountBlockingSender, "@MemberIds");

    public async Task<IReadOnlyList<Participant>> MembersByHandleAsync(IReadOnlyCollection<string> handles, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Participant>(new CommandDefinition(MessagesSql.SelectMembersByHandle,
            new { Handles = handles.Select(h => h.ToUpperInvariant()).Distinct().ToArray() }, cancellationToken: ct))).AsList();
    }

    /// <summary>Starts a conversation with its first message; null with a reason when a block stands in the way.</summary>
    public async Task<(long? ConversationId, string? Problem)> StartAsync(long senderId, string senderName, IReadOnlyList<Participant> recipients, string subject,
        string body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await BlockProblemAsync(connection, tx, senderId, recipients.Select(r => r.Id), ct) is { } blocked)
        {
            return (null, blocked);
        }
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MessagesSql.InsertConversation + db.Dialect.SelectInsertedId,
            new { Subject = subject, Now = now }, tx, cancellationToken: ct));
        foreach (var memberId in recipients.Select(r => r.Id).Append(senderId).Distinct())
        {
            await connection.ExecuteAsync(new CommandDefinition(MessagesSql.InsertParticipant, new { ConversationId = id, MemberId = memberId }, tx, cancellationToken: ct));
        }
        await AddMessageAsync(connection, tx, id, senderId, senderName, body, recipients, now, ct);
        await tx.CommitAsync(ct);
        return (id, null);
    }

    public async Task<ConversationView?> FindAsync(long conversationId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var conversation = await connection.QuerySingleOrDefaultAsync<ConversationView>(new CommandDefinition(MessagesSql.SelectConversationFor,
            new { ConversationId = conversationId, MemberId = memberId }, cancellationToken: ct));
        if (conversation is null)
        {
            return null;
        }
        var people = await connection.QueryAsync<Participant>(new CommandDefinition(MessagesSql.SelectParticipants, new { ConversationId = conversationId }, cancellationToken: ct));
        return conversation with { Participants = people.AsList() };
    }

    public async Task<IReadOnlyList<ConversationView>> ConversationsOfAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var conversations = (await connection.QueryAsync<ConversationView>(new CommandDefinition(MessagesSql.SelectConversationsOf,
            new { MemberId = memberId }, cancellationToken: ct))).AsList();
        if (conversations.Count == 0)
        {
            return conversations;
        }
        var people = (await connection.QueryAsync<(long ConversationId, long Id, string Handle, string DisplayName)>(new CommandDefinition(participantsOfManySql,
            new { ConversationIds = JsonIntegers.From(conversations.Select(c => c.Id)) }, cancellationToken: ct)))
            .ToLookup(p => p.ConversationId, p => new Participant { Id = p.Id, Handle = p.Handle, DisplayName = p.DisplayName });
        return conversations.Select(c => c with { Participants = people[c.Id].ToList() }).ToList();
    }

    public async Task<int> UnreadConversationsAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(MessagesSql.CountUnreadConversations, new { MemberId = memberId }, cancellationToken: ct));
    }

    /// <summary>The messages after <paramref name="afterSeq"/>, marking them read for the member who asks.</summary>
    public async Task<IReadOnlyList<DirectMessage>> ReadAsync(ConversationView conversation, long memberId, long afterSeq, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var messages = (await connection.QueryAsync<DirectMessage>(new CommandDefinition(MessagesSql.SelectMessages,
            new { ConversationId = conversation.Id, AfterSeq = afterSeq }, cancellationToken: ct))).AsList();
        if (messages.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(MessagesSql.MarkRead,
                new { ConversationId = conversation.Id, MemberId = memberId, messages[^1].Seq }, cancellationToken: ct));
        }
        return messages;
    }

    /// <summary>Adds a message to a conversation the sender is in; refused, with a reason, across a block.</summary>
    public async Task<SendResult> SendAsync(ConversationView conversation, long senderId, string senderName, string body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var recipients = conversation.Others(senderId).ToList();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await BlockProblemAsync(connection, tx, senderId, recipients.Select(r => r.Id), ct) is { } blocked)
        {
            return new SendResult(null, blocked);
        }
        var message = await AddMessageAsync(connection, tx, conversation.Id, senderId, senderName, body, recipients, now, ct);
        await tx.CommitAsync(ct);
        return new SendResult(message, null);
    }

    private async Task<DirectMessage> AddMessageAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, long conversationId, long senderId,
        string senderName, string body, IReadOnlyList<Participant> recipients, DateTimeOffset now, CancellationToken ct)
    {
        var key = new { ConversationId = conversationId, Now = now };
        await connection.ExecuteAsync(new CommandDefinition(MessagesSql.NextSeq, key, tx, cancellationToken: ct));
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MessagesSql.SelectLastSeq, key, tx, cancellationToken: ct));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(MessagesSql.InsertMessage + db.Dialect.SelectInsertedId,
            new { ConversationId = conversationId, Seq = seq, SenderId = senderId, Body = body, Now = now }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MessagesSql.MarkRead, new { ConversationId = conversationId, MemberId = senderId, Seq = seq }, tx, cancellationToken: ct));
        foreach (var recipient in recipients.Where(r => r.EmailImmediately && r.Email.Length > 0))
        {
            await outbox.EnqueueAsync(connection, tx, mail.NewMessage(recipient, senderName, conversationId), ct);
        }
        return new DirectMessage { Id = id, ConversationId = conversationId, Seq = seq, SenderId = senderId, SenderName = senderName, Body = body, SentAt = now };
    }

    /// <summary>
    /// Why a message cannot pass a block, as a resource key, or null. Whoever blocked is told to unblock; whoever was
    /// blocked is told only that it cannot be delivered, as the page promises the blocker they are not told.
    /// </summary>
    private async Task<string?> BlockProblemAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, long senderId,
        IEnumerable<long> others, CancellationToken ct)
    {
        var args = new { SenderId = senderId, MemberIds = JsonIntegers.From(others) };
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(blockedByMeSql, args, tx, cancellationToken: ct)) > 0)
        {
            return "You have blocked someone here. Unblock them to send a message.";
        }
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(blockedMeSql, args, tx, cancellationToken: ct)) > 0
            ? "This message cannot be delivered."
            : null;
    }

    // Blocking

    public async Task BlockAsync(long blockerId, long blockedId, bool block, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(block ? MessagesSql.InsertBlock : MessagesSql.DeleteBlock,
                new { BlockerId = blockerId, BlockedId = blockedId, Now = clock.GetUtcNow() }, cancellationToken: ct));
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            // Blocked twice at once (a double click): the block stands either way.
        }
    }

    public async Task<IReadOnlyList<Participant>> BlockedByAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Participant>(new CommandDefinition(MessagesSql.SelectBlocked, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    // Reports

    public async Task<DirectMessage?> MessageAsync(long messageId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DirectMessage>(new CommandDefinition(MessagesSql.SelectMessage, new { MessageId = messageId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<MessageReport>> OpenReportsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<MessageReport>(new CommandDefinition(MessagesSql.SelectOpenReports, cancellationToken: ct))).AsList();
    }

    public async Task<MessageReport?> OpenReportAsync(long reportId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<MessageReport>(new CommandDefinition(MessagesSql.SelectReport, new { ReportId = reportId }, cancellationToken: ct));
    }

    /// <summary>The reported message with a few either side: all a moderator is ever shown of a conversation.</summary>
    public async Task<IReadOnlyList<DirectMessage>> ContextAsync(MessageReport report, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<DirectMessage>(new CommandDefinition(MessagesSql.SelectContext, new
        {
            report.ConversationId, From = report.Seq - MessageLimits.ContextMessages, To = report.Seq + MessageLimits.ContextMessages,
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>Records a report and, in the same transaction, emails every moderator; they can then read that message and its context.</summary>
    public async Task ReportAsync(DirectMessage message, long reporterId, string note, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MessagesSql.InsertReport,
            new { MessageId = message.Id, ReporterId = reporterId, Note = note, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        var moderators = await connection.QueryAsync<Participant>(new CommandDefinition(Forum.ForumSql.SelectModerators, tx, cancellationToken: ct));
        foreach (var moderator in moderators.Where(m => m.Id != reporterId && m.Id != message.SenderId))
        {
            await outbox.EnqueueAsync(connection, tx, mail.Reported(moderator), ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<bool> ResolveAsync(long reportId, string resolution, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(MessagesSql.ResolveReport,
            new { ReportId = reportId, Resolution = resolution, Now = clock.GetUtcNow() }, cancellationToken: ct)) == 1;
    }
}
