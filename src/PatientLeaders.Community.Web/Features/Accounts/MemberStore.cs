using System.Data.Common;
using Dapper;
using Microsoft.AspNetCore.Identity;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>ASP.NET Core Identity's user store over Dapper; Identity does the rules, this only keeps the rows.</summary>
public sealed class MemberStore(DbConnectionFactory db, TimeProvider clock) :
    IUserPasswordStore<Member>,
    IUserEmailStore<Member>,
    IUserSecurityStampStore<Member>,
    IUserLockoutStore<Member>,
    IUserTwoFactorStore<Member>,
    IUserAuthenticatorKeyStore<Member>,
    IUserTwoFactorRecoveryCodeStore<Member>,
    IUserRoleStore<Member>
{
    public void Dispose()
    {
    }

    public async Task<IdentityResult> CreateAsync(Member user, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await CreateAsync(connection, tx, user, ct);
        await tx.CommitAsync(ct);
        return IdentityResult.Success;
    }

    /// <summary>Inserts inside the caller's transaction, so invitation acceptance and mail commit together.</summary>
    public async Task CreateAsync(DbConnection connection, DbTransaction tx, Member user, CancellationToken ct)
    {
        if (user.CreatedAt == default)
        {
            user.CreatedAt = clock.GetUtcNow();
        }
        user.Id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            AccountsSql.InsertMember + db.Dialect.SelectInsertedId, user, tx, cancellationToken: ct));
    }

    public async Task<IdentityResult> UpdateAsync(Member user, CancellationToken ct)
    {
        var newStamp = Guid.NewGuid().ToString("N");
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.ExecuteAsync(new CommandDefinition(AccountsSql.UpdateMember,
            new
            {
                user.Id, user.Email, user.NormalizedEmail, user.EmailConfirmed, user.PendingEmail, user.Handle,
                user.NormalizedHandle, user.DisplayName, user.PasswordHash, user.SecurityStamp, user.ConcurrencyStamp,
                NewConcurrencyStamp = newStamp, user.TwoFactorEnabled, user.AuthenticatorKey, user.RecoveryCodes,
                user.LockoutEnd, user.LockoutEnabled, user.AccessFailedCount, user.SuspendedUntil, user.SuspensionReason,
                user.EmailImmediately, user.DigestFrequency, user.Language,
            }, cancellationToken: ct));
        if (rows == 0)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }
        user.ConcurrencyStamp = newStamp;
        return IdentityResult.Success;
    }

    /// <summary>Turns off mail at once for mentions and replies (one-click unsubscribe); the digest is left alone.</summary>
    public async Task StopImmediateEmailAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.StopImmediateEmail, new { MemberId = memberId }, cancellationToken: ct));
    }

    /// <summary>Turns the digest off (one-click unsubscribe); mail at once is left alone.</summary>
    public async Task StopDigestAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.StopDigest, new { MemberId = memberId }, cancellationToken: ct));
    }

    /// <summary>The member's two email settings, or null for a member who no longer exists.</summary>
    public async Task<EmailPreferences?> EmailPreferencesAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<EmailPreferences>(new CommandDefinition(AccountsSql.SelectEmailPreferences, new { MemberId = memberId }, cancellationToken: ct));
    }

    public async Task<IdentityResult> DeleteAsync(Member user, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.DeleteMember, new { user.Id }, cancellationToken: ct));
        return IdentityResult.Success;
    }

    public async Task<Member?> FindByIdAsync(string userId, CancellationToken ct)
    {
        if (!long.TryParse(userId, out var id))
        {
            return null;
        }
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Member>(
            new CommandDefinition(AccountsSql.SelectMemberById, new { Id = id }, cancellationToken: ct));
    }

    public async Task<Member?> FindByNameAsync(string normalizedUserName, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(
            AccountsSql.SelectMemberByNormalizedHandle, new { NormalizedHandle = normalizedUserName }, cancellationToken: ct));
    }

    /// <summary>
    /// Whether a display name reads the same as another member's while being written differently (a zero-width
    /// space, full-width letters, other case or spacing): <see cref="PlainText.Skeleton"/>. The same name written
    /// the same way is allowed: two people may share a name, and their handles tell them apart.
    /// </summary>
    public async Task<bool> ImitatesAnotherNameAsync(string displayName, long? memberId, CancellationToken ct)
    {
        var skeleton = PlainText.Skeleton(displayName);
        await using var connection = await db.OpenAsync(ct);
        var others = await connection.QueryAsync<string>(new CommandDefinition(AccountsSql.SelectOtherDisplayNames, new { Id = memberId ?? 0 }, cancellationToken: ct));
        return others.Any(other => other != displayName && PlainText.Skeleton(other) == skeleton);
    }

    public async Task<Member?> FindByEmailAsync(string normalizedEmail, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(
            AccountsSql.SelectMemberByNormalizedEmail, new { NormalizedEmail = normalizedEmail }, cancellationToken: ct));
    }

    public Task<string> GetUserIdAsync(Member user, CancellationToken ct) => Task.FromResult(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.Handle);

    public Task SetUserNameAsync(Member user, string? userName, CancellationToken ct)
    {
        user.Handle = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedHandle);

    public Task SetNormalizedUserNameAsync(Member user, string? normalizedName, CancellationToken ct)
    {
        user.NormalizedHandle = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(Member user, string? passwordHash, CancellationToken ct)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(Member user, CancellationToken ct) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(Member user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetEmailAsync(Member user, string? email, CancellationToken ct)
    {
        user.Email = email ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.Email);

    public Task<bool> GetEmailConfirmedAsync(Member user, CancellationToken ct) => Task.FromResult(user.EmailConfirmed);

    public Task SetEmailConfirmedAsync(Member user, bool confirmed, CancellationToken ct)
    {
        user.EmailConfirmed = confirmed;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedEmailAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(Member user, string? normalizedEmail, CancellationToken ct)
    {
        user.NormalizedEmail = normalizedEmail ?? "";
        return Task.CompletedTask;
    }

    public Task SetSecurityStampAsync(Member user, string stamp, CancellationToken ct)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(Member user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Member user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(Member user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(Member user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(Member user, CancellationToken ct)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(Member user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(Member user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(Member user, bool enabled, CancellationToken ct)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task SetTwoFactorEnabledAsync(Member user, bool enabled, CancellationToken ct)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(Member user, CancellationToken ct) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(Member user, string key, CancellationToken ct)
    {
        user.AuthenticatorKey = key;
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(Member user, CancellationToken ct) => Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(Member user, IEnumerable<string> recoveryCodes, CancellationToken ct)
    {
        user.RecoveryCodes = string.Join(';', recoveryCodes);
        return Task.CompletedTask;
    }

    public Task<bool> RedeemCodeAsync(Member user, string code, CancellationToken ct)
    {
        var codes = (user.RecoveryCodes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!codes.Remove(code))
        {
            return Task.FromResult(false);
        }
        user.RecoveryCodes = string.Join(';', codes);
        return Task.FromResult(true);
    }

    public Task<int> CountCodesAsync(Member user, CancellationToken ct) =>
        Task.FromResult((user.RecoveryCodes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length);

    public async Task AddToRoleAsync(Member user, string roleName, CancellationToken ct)
    {
        var role = CanonicalRole(roleName);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.InsertRole,
            new { MemberId = user.Id, Role = role, GrantedAt = clock.GetUtcNow() }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.BumpRolesVersion, new { MemberId = user.Id }, cancellationToken: ct));
    }

    public async Task RemoveFromRoleAsync(Member user, string roleName, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.DeleteRole,
            new { MemberId = user.Id, Role = CanonicalRole(roleName) }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.BumpRolesVersion, new { MemberId = user.Id }, cancellationToken: ct));
    }

    public async Task<IList<string>> GetRolesAsync(Member user, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(AccountsSql.SelectRoles,
            new { MemberId = user.Id }, cancellationToken: ct))).ToList();
    }

    public async Task<bool> IsInRoleAsync(Member user, string roleName, CancellationToken ct) =>
        (await GetRolesAsync(user, ct)).Contains(CanonicalRole(roleName));

    public async Task<IList<Member>> GetUsersInRoleAsync(string roleName, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Member>(new CommandDefinition(AccountsSql.SelectMembersInRole,
            new { Role = CanonicalRole(roleName) }, cancellationToken: ct))).ToList();
    }

    public async Task<int> CountAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(AccountsSql.CountMembers, cancellationToken: ct));
    }

    // Identity passes normalized (upper-case) role names; the table keeps the canonical spelling.
    // A scoped role is kept as the feature spelled it.
    private static string CanonicalRole(string roleName) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase))
        ?? (Roles.IsScoped(roleName) ? roleName : null)
        ?? throw new ArgumentException($"Unknown role {roleName}.", nameof(roleName));
}
