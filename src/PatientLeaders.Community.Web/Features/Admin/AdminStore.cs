using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Admin;

public sealed record MemberListItem
{
    public long Id { get; init; }
    public string Handle { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Email { get; init; } = "";
    public bool EmailConfirmed { get; init; }
    public DateTimeOffset? SuspendedUntil { get; init; }
    public bool TwoFactorEnabled { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<string> Roles { get; set; } = [];
}

/// <summary>What the admins' member list is narrowed to: words in the name, handle or email, a role, a status.</summary>
public sealed record MemberFilter(string Query, string Role, string Status)
{
    public const string Active = "Active";
    public const string Suspended = "Suspended";
    public const string Unconfirmed = "Unconfirmed";

    public static readonly IReadOnlyList<string> Statuses = [Active, Suspended, Unconfirmed];

    public static MemberFilter None { get; } = new("", "", "");
}

public sealed class AdminStore(DbConnectionFactory db, TimeProvider clock)
{
    /// <summary>One page of members in id order (keyset), with their roles in one more query, not one per member.</summary>
    public async Task<IReadOnlyList<MemberListItem>> MembersAsync(long afterId, int take, CancellationToken ct) =>
        await MembersAsync(MemberFilter.None, afterId, take, ct);

    public async Task<IReadOnlyList<MemberListItem>> MembersAsync(MemberFilter filter, long afterId, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var members = (await connection.QueryAsync<MemberListItem>(new CommandDefinition(
            db.Dialect.Limit(AccountsSql.SelectMemberList), new
            {
                AfterId = afterId,
                Take = take,
                Like = SqlLike.Containing(filter.Query),
                filter.Role,
                filter.Status,
                Now = clock.GetUtcNow(),
            }, cancellationToken: ct))).ToList();
        if (members.Count == 0)
        {
            return members;
        }
        var roles = (await connection.QueryAsync<(long MemberId, string Role)>(new CommandDefinition(
            AccountsSql.SelectRolesForMembers, new { MemberIds = members.Select(m => m.Id).ToArray() }, cancellationToken: ct)))
            .ToLookup(r => r.MemberId, r => r.Role);
        foreach (var member in members)
        {
            member.Roles = roles[member.Id].Order().ToList();
        }
        return members;
    }
}
