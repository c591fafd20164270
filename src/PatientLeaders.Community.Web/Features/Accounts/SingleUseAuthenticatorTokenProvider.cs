using Dapper;
using Microsoft.AspNetCore.Identity;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Identity's authenticator check (RFC 6238, 30-second steps, a little clock drift allowed), plus: each code is
/// accepted once, so a code seen over someone's shoulder cannot be replayed (ASVS 6.5.1).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(DbConnectionFactory db, TimeProvider clock) : AuthenticatorTokenProvider<Member>
{
    // Longer than any code can stay valid (the current step plus the drift Identity allows on either side).
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<Member> manager, Member user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.ForgetOldAuthenticatorCodes, new { Before = now - RememberFor }));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(AccountsSql.RememberAuthenticatorCode,
                new { MemberId = user.Id, Code = token, UsedAt = now }));
            return true;
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            return false;
        }
    }
}
