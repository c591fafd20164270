using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>
/// The mail outbox. Features enqueue inside their own transaction, so a mail goes out only if the change that
/// caused it commits; <see cref="OutboxSender"/> delivers it later.
/// </summary>
public sealed class MailOutbox(DbConnectionFactory factory, OutboxSignal signal, TimeProvider clock)
{
    private readonly string selectDueIds = factory.Dialect.Limit(MailSql.SelectDueIds);

    /// <summary>Writes the mail inside the caller's transaction and returns its outbox id.</summary>
    /// <exception cref="ArgumentException">A header field has a line break or control character, is too long,
    /// or the address is not a single e-mail address.</exception>
    public async Task<long> EnqueueAsync(DbConnection connection, DbTransaction? transaction, OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        MailValidation.Validate(mail);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            MailSql.Insert + factory.Dialect.SelectInsertedId,
            new
            {
                mail.MemberId,
                mail.ToAddress,
                mail.ToName,
                mail.Subject,
                mail.TextBody,
                mail.CalendarAttachment,
                mail.ListUnsubscribe,
                CreatedAt = clock.GetUtcNow(),
            },
            transaction: transaction,
            cancellationToken: ct));
        // Before commit, so only a hint: the sender re-reads the database and polls anyway.
        signal.Signal();
        return id;
    }

    /// <summary>Enqueues on a connection of its own, for mail that is not part of a larger change.</summary>
    public async Task<long> EnqueueAsync(OutgoingMail mail, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await EnqueueAsync(connection, null, mail, ct);
    }

    internal async Task<IReadOnlyList<long>> SelectDueIdsAsync(DateTimeOffset now, int take, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            selectDueIds, new { Now = now, Take = take }, cancellationToken: ct));
        return ids.AsList();
    }

    /// <summary>Takes the lease on a due row and returns it, or null when another sender got there first.</summary>
    internal async Task<OutboxMessage?> TryClaimAsync(long id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            MailSql.Claim, new { Id = id, Owner = owner, Until = until, Now = now }, cancellationToken: ct));
        if (claimed != 1)
        {
            return null;
        }
        return await connection.QuerySingleOrDefaultAsync<OutboxMessage>(new CommandDefinition(
            MailSql.SelectClaimed, new { Id = id, Owner = owner }, cancellationToken: ct));
    }

    internal async Task MarkSentAsync(long id, DateTimeOffset sentAt, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            MailSql.MarkSent, new { Id = id, SentAt = sentAt }, cancellationToken: ct));
    }

    internal async Task RecordFailureAsync(
        long id, string owner, int attempts, DateTimeOffset nextAttemptAt, DateTimeOffset? failedAt, string lastError, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            MailSql.RecordFailure,
            new
            {
                Id = id,
                Owner = owner,
                Attempts = attempts,
                NextAttemptAt = nextAttemptAt,
                FailedAt = failedAt,
                LastError = lastError,
            },
            cancellationToken: ct));
    }

    internal async Task<OutboxStatusView?> GetStatusAsync(long id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<OutboxStatusView>(new CommandDefinition(
            MailSql.SelectStatus, new { Id = id }, cancellationToken: ct));
    }
}
