using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.Features.Programmes;

public sealed record TrioView
{
    public long Id { get; init; }
    public long CohortId { get; init; }
    public long SetId { get; init; }
    public string Organisation { get; init; } = "";
    public IReadOnlyList<long> MemberIds { get; init; } = [];
}

/// <summary>
/// Partnership trios: a patient leader, a clinician and a manager from one organisation, each trio with a small
/// private space of its own. The space is an action learning set with the three as members and the cohort's lead
/// facilitator, so its room, chat and meetings are the set room's, unchanged.
/// </summary>
public sealed class TrioStore(DbConnectionFactory db, SetStore sets, TimeProvider clock)
{
    public async Task<IReadOnlyList<TrioView>> ForCohortAsync(long cohortId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var trios = (await connection.QueryAsync<TrioView>(new CommandDefinition(ProgrammesSql.SelectTrios, new { CohortId = cohortId }, cancellationToken: ct))).ToList();
        var withMembers = new List<TrioView>();
        foreach (var trio in trios)
        {
            withMembers.Add(trio with { MemberIds = (await sets.MembersAsync(trio.SetId, ct)).Select(m => m.MemberId).ToList() });
        }
        return withMembers;
    }

    public async Task<long> CreateAsync(CohortView cohort, long facilitatorId, string organisation, IReadOnlyList<ApplicationView> three, CancellationToken ct)
    {
        var name = $"{cohort.Title}: {organisation}";
        var setId = await sets.CreateAsync(new NewSet(name.Length > 100 ? name[..100] : name, $"{cohort.ProgrammeTitle}: {organisation}", facilitatorId,
            three.Select(a => a.MemberId).ToList(), CreateModel.DefaultGroundRules, Quorum: 2, KeepChat: false), ct);
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(ProgrammesSql.InsertTrio + db.Dialect.SelectInsertedId,
            new { CohortId = cohort.Id, SetId = setId, Organisation = organisation, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }
}
