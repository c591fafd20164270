using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Programmes;

public sealed record NewMaterial(long CohortId, long? SessionId, string Title, string Body, string? FileId, DateTimeOffset VisibleFrom);

/// <summary>A cohort's materials: Markdown pages and uploaded files, each visible to participants from its own date.</summary>
public sealed class MaterialStore(DbConnectionFactory db, TimeProvider clock)
{
    public async Task<IReadOnlyList<MaterialView>> ForCohortAsync(long cohortId, bool includeNotYetOpen, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var now = clock.GetUtcNow();
        return (await connection.QueryAsync<MaterialView>(new CommandDefinition(ProgrammesSql.SelectMaterials, new { CohortId = cohortId }, cancellationToken: ct)))
            .Where(m => includeNotYetOpen || m.VisibleFrom <= now).ToList();
    }

    /// <summary>One material, or null when it is not this cohort's or not open to this reader yet.</summary>
    public async Task<MaterialView?> FindAsync(long cohortId, long id, bool includeNotYetOpen, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var material = await connection.QuerySingleOrDefaultAsync<MaterialView>(new CommandDefinition(ProgrammesSql.SelectMaterial,
            new { Id = id, CohortId = cohortId }, cancellationToken: ct));
        return material is not null && (includeNotYetOpen || material.VisibleFrom <= clock.GetUtcNow()) ? material : null;
    }

    public async Task AddAsync(NewMaterial material, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.InsertMaterial, new
        {
            material.CohortId, material.SessionId, material.Title, material.Body, material.FileId, material.VisibleFrom, Now = clock.GetUtcNow(),
        }, cancellationToken: ct));
    }

    public async Task<bool> DeleteAsync(long cohortId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.DeleteMaterial, new { Id = id, CohortId = cohortId }, cancellationToken: ct)) == 1;
    }
}
