using Dapper;
using Microsoft.AspNetCore.Identity;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Accounts;

public sealed record NewMember(string DisplayName, string Handle, string Email, string Password);

public sealed record RegistrationResult(Member? Member, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Member is not null;
}

/// <summary>
/// Creates a member, their roles, the invitation's acceptance and the confirmation email in one transaction,
/// so no half-made account or unsent confirmation can be left behind.
/// </summary>
public sealed class RegistrationService(
    UserManager<Member> users,
    MemberStore members,
    InvitationStore invitations,
    MailOutbox outbox,
    AccountMail mail,
    DbConnectionFactory db,
    TimeProvider clock)
{
    public async Task<RegistrationResult> RegisterAsync(NewMember input, IReadOnlyList<string> roles, long? invitationId, bool emailAlreadyConfirmed, CancellationToken ct,
        string? returnTo = null)
    {
        var member = new Member
        {
            DisplayName = input.DisplayName.Trim(),
            Handle = input.Handle.Trim().ToLowerInvariant(),
            Email = input.Email.Trim(),
            EmailConfirmed = emailAlreadyConfirmed,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = clock.GetUtcNow(),
        };
        member.NormalizedHandle = users.NormalizeName(member.Handle);
        member.NormalizedEmail = users.NormalizeEmail(member.Email);

        var errors = new List<(string, string)>();
        if (await members.ImitatesAnotherNameAsync(member.DisplayName, null, ct))
        {
            errors.Add(("DisplayName", MemberNames.Imitates));
        }
        if (await members.FindByNameAsync(member.NormalizedHandle, ct) is not null)
        {
            errors.Add(("Handle", "That handle is already taken. Try another."));
        }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, member, input.Password);
            errors.AddRange(result.Errors.Select(e => ("Password", e.Description)));
        }
        if (errors.Count > 0)
        {
            return new RegistrationResult(null, errors);
        }
        member.PasswordHash = users.PasswordHasher.HashPassword(member, input.Password);

        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await members.CreateAsync(connection, tx, member, ct);
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Someone took the handle meanwhile, or the email is in use: the caller answers without saying which.
            return new RegistrationResult(null, [("", "EmailOrHandleInUse")]);
        }
        foreach (var role in roles.Distinct())
        {
            await connection.ExecuteAsync(new CommandDefinition(AccountsSql.InsertRole,
                new { MemberId = member.Id, Role = role, GrantedAt = clock.GetUtcNow() }, tx, cancellationToken: ct));
        }
        if (invitationId is { } id && !await invitations.AcceptAsync(connection, tx, id, ct))
        {
            return new RegistrationResult(null, [("", "This invitation has already been used.")]);
        }
        if (!emailAlreadyConfirmed)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(member);
            await outbox.EnqueueAsync(connection, tx, mail.ConfirmEmail(member, member.Email, token, returnTo), ct);
        }
        await tx.CommitAsync(ct);
        return new RegistrationResult(member, []);
    }
}
