using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed record InvitationView
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string Name { get; init; } = "";
    public string Message { get; init; } = "";
}

public sealed class InvitationStore(DbConnectionFactory db, TimeProvider clock, MailOutbox outbox, AccountMail mail, IOptions<AccountOptions> options)
{
    /// <summary>Records the invitation and its email in one transaction.</summary>
    /// <param name="name">The person's name, if known: it greets them and fills in the joining form.</param>
    /// <param name="message">A personal message from the inviter, put in the email as written.</param>
    public async Task InviteAsync(string email, string role, long? invitedBy, string inviterName, CancellationToken ct, string name = "", string message = "")
    {
        var token = SecretToken.Create();
        var now = clock.GetUtcNow();
        var expires = now.AddDays(options.Value.InvitationDays);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.InsertInvitation, new
        {
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            Role = role,
            TokenHash = SecretToken.Hash(token),
            InvitedByMemberId = invitedBy,
            CreatedAt = now,
            ExpiresAt = expires,
            Name = name,
            Message = message,
        }, tx, cancellationToken: ct));
        await outbox.EnqueueAsync(connection, tx, mail.Invitation(email, name, inviterName, token, expires, message), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Sends a waiting or expired invitation again with a new link and a new expiry; false if it was used or withdrawn.</summary>
    public async Task<bool> ResendAsync(long invitationId, string inviterName, CancellationToken ct)
    {
        var token = SecretToken.Create();
        var expires = clock.GetUtcNow().AddDays(options.Value.InvitationDays);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(AccountsSql.RenewInvitation,
                new { Id = invitationId, TokenHash = SecretToken.Hash(token), ExpiresAt = expires }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        var invitation = await connection.QuerySingleAsync<InvitationView>(new CommandDefinition(AccountsSql.SelectInvitation, new { Id = invitationId }, tx, cancellationToken: ct));
        await outbox.EnqueueAsync(connection, tx, mail.Invitation(invitation.Email, invitation.Name, inviterName, token, expires, invitation.Message), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Which of these addresses already belong to a member, and which have an invitation waiting.</summary>
    public async Task<(IReadOnlySet<string> Members, IReadOnlySet<string> Invited)> KnownEmailsAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        var normalized = emails.Select(e => e.ToUpperInvariant()).Distinct().ToArray();
        if (normalized.Length == 0)
        {
            return (new HashSet<string>(), new HashSet<string>());
        }
        await using var connection = await db.OpenAsync(ct);
        var members = await connection.QueryAsync<string>(new CommandDefinition(AccountsSql.SelectMemberEmailsAmong, new { Emails = normalized }, cancellationToken: ct));
        var invited = await connection.QueryAsync<string>(new CommandDefinition(AccountsSql.SelectWaitingInvitationEmails,
            new { Emails = normalized, Now = clock.GetUtcNow() }, cancellationToken: ct));
        return (members.ToHashSet(), invited.ToHashSet());
    }

    /// <summary>The invitation if the token is valid, unused, unrevoked and unexpired.</summary>
    public async Task<InvitationView?> FindUsableAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        await using var connection = await db.OpenAsync(ct);
        var invitation = await connection.QuerySingleOrDefaultAsync<InvitationView>(new CommandDefinition(
            AccountsSql.SelectInvitationByTokenHash, new { TokenHash = SecretToken.Hash(token) }, cancellationToken: ct));
        return invitation is { AcceptedAt: null, RevokedAt: null } && invitation.ExpiresAt > clock.GetUtcNow() ? invitation : null;
    }

    /// <summary>Marks it used inside the caller's transaction; false if someone used it first.</summary>
    public async Task<bool> AcceptAsync(DbConnection connection, DbTransaction tx, long invitationId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.AcceptInvitation,
            new { Id = invitationId, AcceptedAt = clock.GetUtcNow() }, tx, cancellationToken: ct)) == 1;

    public async Task RevokeAsync(long invitationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.RevokeInvitation,
            new { Id = invitationId, RevokedAt = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<InvitationView>> RecentAsync(int take, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<InvitationView>(new CommandDefinition(
            db.Dialect.Limit(AccountsSql.SelectRecentInvitations), new { Take = take }, cancellationToken: ct))).ToList();
    }
}
