using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Forum.Email;

/// <summary>
/// Daily and weekly digests of followed threads and categories. Each member's period is recorded in ForumDigests
/// in the same transaction as the mail, under a unique key, so two runs (or two servers) never send one period twice:
/// the loser's insert fails and its transaction, mail included, rolls back. What goes in is decided at send time, with
/// the member's roles as they are then. A run after an outage sends each member one digest under the latest due
/// period's key, covering everything since their last digest (within ForumDigests:CatchUpDays), not one per missed period.
/// </summary>
public sealed class ForumDigests(DbConnectionFactory db, TimeProvider clock, CategoryStore categories, MarkdownRenderer renderer,
    MailOutbox outbox, ForumMail mail, IOptions<ForumDigestOptions> options)
{
    private const int BatchSize = 100;

    private readonly string selectRecipients = db.Dialect.Limit(ForumSql.SelectDigestRecipients);
    private readonly string selectPosts = db.Dialect.Limit(ForumSql.SelectDigestPosts);

    /// <summary>Sends every digest now due; returns how many mails were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await categories.AllAsync(ct);
        var sent = 0;
        foreach (var frequency in new[] { DigestFrequencies.Daily, DigestFrequencies.Weekly })
        {
            var period = DigestPeriod.LatestDue(frequency, now, options.Value.HourUtc);
            var floor = DigestPeriod.LatestDue(frequency, now.AddDays(-options.Value.CatchUpDays), options.Value.HourUtc);
            long afterId = 0;
            while (true)
            {
                IReadOnlyList<DigestRecipient> batch;
                ILookup<long, string> roles;
                await using (var connection = await db.OpenAsync(ct))
                {
                    batch = (await connection.QueryAsync<DigestRecipient>(new CommandDefinition(selectRecipients,
                        new { Frequency = frequency, AfterId = afterId, Now = now, Period = period.Key, Floor = floor.Key, Take = BatchSize }, cancellationToken: ct))).ToList();
                    if (batch.Count == 0)
                    {
                        break;
                    }
                    roles = (await connection.QueryAsync<(long MemberId, string Role)>(new CommandDefinition(ForumSql.SelectRolesForMembers,
                        new { MemberIds = batch.Select(m => m.Id).ToList() }, cancellationToken: ct))).ToLookup(r => r.MemberId, r => r.Role);
                }
                foreach (var member in batch)
                {
                    var visible = all.Where(c => ForumAccess.CanSee(c, roles[member.Id].ToList())).Select(c => c.Id).ToList();
                    var covered = period.Since(member.LastPeriod is { } last ? DigestPeriod.FromKey(last) : null);
                    if (await SendOneAsync(new MailRecipient(member.Id, member.Email, member.DisplayName, member.Language), covered, visible, now, ct))
                    {
                        sent++;
                    }
                }
                afterId = batch[^1].Id;
            }
        }
        return sent;
    }

    /// <summary>Records the period and queues the mail (if there is anything to tell) in one transaction; false if another run got there first or there was nothing new.</summary>
    private async Task<bool> SendOneAsync(MailRecipient member, DigestPeriod period, IReadOnlyList<long> visibleCategoryIds, DateTimeOffset now, CancellationToken ct)
    {
        var max = options.Value.MaxPosts;
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<DigestRow>(new CommandDefinition(selectPosts, new
        {
            MemberId = member.Id, period.From, period.To, CategoryIds = visibleCategoryIds, Take = max + 1,
        }, cancellationToken: ct))).ToList();
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertDigest,
                new { MemberId = member.Id, Period = period.Key, PostCount = rows.Count, Now = now }, tx, cancellationToken: ct));
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        if (rows.Count > 0)
        {
            var posts = rows.Take(max)
                .Select(r => new DigestPost(r.PostId, r.ThreadId, r.ThreadTitle, r.AuthorName, PostText.From(renderer.Render(r.Body)), r.ContentNote))
                .ToList();
            await outbox.EnqueueAsync(connection, tx, mail.Digest(member, period, posts, more: rows.Count > max), ct);
        }
        await tx.CommitAsync(ct);
        return rows.Count > 0;
    }

    private sealed record DigestRecipient
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? Language { get; init; }
        public string? LastPeriod { get; init; }
    }

    private sealed record DigestRow(long PostId, long ThreadId, string ThreadTitle, string? AuthorName, string Body, string ContentNote);
}
