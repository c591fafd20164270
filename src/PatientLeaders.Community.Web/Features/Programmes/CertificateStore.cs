using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Certificates: found by code, listed for their holder, made public or private by the holder alone.</summary>
public sealed class CertificateStore(DbConnectionFactory db)
{
    public async Task<CertificateView?> FindAsync(string code, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CertificateView>(new CommandDefinition(ProgrammesSql.SelectCertificate, new { Code = code }, cancellationToken: ct));
    }

    public async Task<CertificateView?> OfApplicationAsync(long applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CertificateView>(new CommandDefinition(ProgrammesSql.SelectCertificateOfApplication,
            new { ApplicationId = applicationId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<CertificateView>> MineAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<CertificateView>(new CommandDefinition(ProgrammesSql.SelectCertificatesOfMember, new { MemberId = memberId }, cancellationToken: ct))).AsList();
    }

    public async Task<bool> SetPublicAsync(string code, long memberId, bool isPublic, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.SetCertificatePublic,
            new { Code = code, MemberId = memberId, IsPublic = isPublic }, cancellationToken: ct)) == 1;
    }
}
