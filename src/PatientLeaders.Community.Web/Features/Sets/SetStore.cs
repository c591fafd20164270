using System.Data.Common;
using System.Security.Claims;
using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Sets;

public sealed record NewSet(string Name, string Purpose, long FacilitatorId, IReadOnlyList<long> MemberIds, string GroundRules, int Quorum, bool KeepChat);

public sealed record SetEdit(string Name, string Purpose, string GroundRules, int Quorum, bool KeepChat, string CallLink = "", string DialIn = "");

/// <summary>Sets, their members and ground rules, and who may see what.</summary>
public sealed class SetStore(DbConnectionFactory db, TimeProvider clock)
{
    private readonly string selectAllSets = db.Dialect.Limit(SetsSql.SelectAllSets);

    public async Task<SetAccess> AccessAsync(long setId, ClaimsPrincipal user, CancellationToken ct)
    {
        var memberId = CurrentMember.Id(user);
        return await AccessAsync(setId, memberId, user.IsInRole(Roles.Admin), user.IsInRole(Roles.Coordinator), ct);
    }

    public async Task<SetAccess> AccessAsync(long setId, long memberId, bool isAdmin, bool isCoordinator, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var found = await connection.QuerySingleOrDefaultAsync<AccessRow>(
            new CommandDefinition(SetsSql.SelectAccess, new { SetId = setId, MemberId = memberId }, cancellationToken: ct));
        if (found is null)
        {
            return SetAccess.Nobody(setId, memberId);
        }
        var role = found.FacilitatorId == memberId ? SetRole.Facilitator
            : found.MemberRows > 0 ? SetRole.Member
            : isAdmin ? SetRole.Admin
            : isCoordinator ? SetRole.Coordinator
            : SetRole.None;
        return new SetAccess(setId, memberId, role);
    }

    public async Task<long> CreateAsync(NewSet set, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SetsSql.InsertSet + db.Dialect.SelectInsertedId, new
        {
            set.Name, set.Purpose, set.FacilitatorId, set.GroundRules, set.Quorum, set.KeepChat, CreatedAt = now,
        }, tx, cancellationToken: ct));
        foreach (var memberId in set.MemberIds.Distinct().Where(m => m != set.FacilitatorId))
        {
            await connection.ExecuteAsync(new CommandDefinition(SetsSql.InsertSetMember, new { SetId = id, MemberId = memberId, AddedAt = now }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task UpdateAsync(long setId, SetEdit edit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SetsSql.UpdateSet, new
        {
            Id = setId, edit.Name, edit.Purpose, edit.GroundRules, edit.Quorum, edit.KeepChat, edit.CallLink, edit.DialIn,
        }, cancellationToken: ct));
    }

    public async Task<SetView?> FindAsync(long setId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SetView>(new CommandDefinition(SetsSql.SelectSet, new { SetId = setId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SetMemberView>> MembersAsync(long setId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SetMemberView>(new CommandDefinition(SetsSql.SelectSetMembers, new { SetId = setId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Ids for the handles that exist, keyed by normalized handle.</summary>
    public async Task<IReadOnlyDictionary<string, long>> FindHandlesAsync(IReadOnlyCollection<string> handles, CancellationToken ct)
    {
        if (handles.Count == 0)
        {
            return new Dictionary<string, long>();
        }
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string NormalizedHandle)>(new CommandDefinition(SetsSql.SelectMemberIdsByHandle,
            new { Handles = handles.Select(h => h.ToUpperInvariant()).Distinct().ToList() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.NormalizedHandle, r => r.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(SetsSql.SelectRolesOfMember, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    public async Task<bool> AddMemberAsync(long setId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(SetsSql.InsertSetMember, new { SetId = setId, MemberId = memberId, AddedAt = clock.GetUtcNow() }, cancellationToken: ct));
            return true;
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            return false;
        }
    }

    public async Task<bool> RemoveMemberAsync(long setId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(SetsSql.DeleteSetMember, new { SetId = setId, MemberId = memberId }, cancellationToken: ct)) > 0;
    }

    public async Task<IReadOnlyList<SetListItem>> MySetsAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SetListItem>(new CommandDefinition(SetsSql.SelectMySets,
            new { MemberId = memberId, Since = clock.GetUtcNow().AddHours(-12) }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<SetListItem>> AllSetsAsync(long afterId, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SetListItem>(new CommandDefinition(selectAllSets,
            new { AfterId = afterId, Take = take, Since = clock.GetUtcNow().AddHours(-12) }, cancellationToken: ct))).AsList();
    }

    public async Task<int> AcceptedVersionAsync(long setId, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(SetsSql.SelectAcceptedVersion, new { SetId = setId, MemberId = memberId }, cancellationToken: ct)) ?? 0;
    }

    public async Task AcceptRulesAsync(long setId, long memberId, int version, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(SetsSql.InsertAcceptance,
                new { SetId = setId, MemberId = memberId, Version = version, AcceptedAt = clock.GetUtcNow() }, cancellationToken: ct));
        }
        catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception))
        {
            // Already recorded: agreeing twice changes nothing.
        }
    }

    private sealed record AccessRow
    {
        public long? FacilitatorId { get; init; }
        public long MemberRows { get; init; }
    }

    /// <summary>For erasure: a facilitator's sets keep their history and wait for a new facilitator.</summary>
    public async Task ForgetFacilitatorAsync(DbConnection connection, DbTransaction tx, long memberId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(SetsSql.ClearFacilitator, new { MemberId = memberId }, tx, cancellationToken: ct));
}
