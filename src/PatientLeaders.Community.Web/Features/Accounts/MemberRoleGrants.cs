using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// Roles that other features give and take as things happen (a place on a cohort, a completed programme, an
/// accreditation gained), inside the feature's own transaction. The member's signed-in sessions take up the change at
/// their next request (<see cref="SessionCookieEvents"/>).
/// </summary>
public sealed class MemberRoleGrants(DbConnectionFactory db, TimeProvider clock)
{
    /// <summary>False when the member already held the role.</summary>
    public async Task<bool> GrantAsync(DbConnection connection, DbTransaction tx, long memberId, string role, CancellationToken ct)
    {
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role {role}.", nameof(role));
        }
        try
        {
            if (await connection.ExecuteAsync(new CommandDefinition(AccountsSql.InsertRoleIfMissing,
                new { MemberId = memberId, Role = role, GrantedAt = clock.GetUtcNow() }, tx, cancellationToken: ct)) == 0)
            {
                return false;
            }
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.BumpRolesVersion, new { MemberId = memberId }, tx, cancellationToken: ct));
        return true;
    }

    public async Task<bool> RevokeAsync(DbConnection connection, DbTransaction tx, long memberId, string role, CancellationToken ct)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(AccountsSql.DeleteRole, new { MemberId = memberId, Role = role }, tx, cancellationToken: ct)) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(AccountsSql.BumpRolesVersion, new { MemberId = memberId }, tx, cancellationToken: ct));
        return true;
    }
}
