using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Involvement.Pool;

/// <summary>What a leader has been recognised for, read from the mentoring network and the programmes: never typed in.</summary>
public sealed record PoolCredentials(IReadOnlyList<string> Accreditations, IReadOnlyList<string> Programmes);

/// <summary>The opt-in pool of patient leaders: one profile a member, kept while they stay in the pool.</summary>
public sealed class PoolStore(DbConnectionFactory db, TimeProvider clock)
{
    public async Task<PoolProfile?> FindAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PoolProfile>(new CommandDefinition(InvolvementSql.SelectPoolProfile, new { MemberId = memberId }, cancellationToken: ct));
    }

    public async Task SaveAsync(PoolProfile profile, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new
        {
            profile.MemberId, profile.Kinds, profile.Skills, profile.RolesHeld, profile.Region, profile.Remote, profile.Telephone, profile.Availability,
            profile.Themes, profile.PrivateThemes, profile.AccessNeeds, profile.Payment, Now = clock.GetUtcNow(),
        };
        if (await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.UpdatePoolProfile, args, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.InsertPoolProfile, args, cancellationToken: ct));
        }
    }

    /// <summary>Leaving deletes the profile and its access needs; applications and work already done stay on record.</summary>
    public async Task LeaveAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.DeletePoolProfile, new { MemberId = memberId }, cancellationToken: ct));
    }

    public async Task<PoolCredentials> CredentialsAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var today = Mentoring.MentoringDates.ToStored(Mentoring.MentoringDates.Today(clock));
        var accreditations = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT Kind FROM MentorAccreditations WHERE MemberId = @MemberId AND ExpiresOn >= @Today ORDER BY Kind",
            new { MemberId = memberId, Today = today }, cancellationToken: ct))).AsList();
        var programmes = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT ProgrammeTitle FROM ProgrammeCertificates WHERE MemberId = @MemberId AND RevokedAt IS NULL ORDER BY ProgrammeTitle",
            new { MemberId = memberId }, cancellationToken: ct))).AsList();
        return new PoolCredentials(accreditations, programmes);
    }
}
