using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Infrastructure.Mail;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// Certificates: found by code, listed for their holder, made public or private by the holder alone; revoked or
/// reissued by a coordinator, never changed in place. A revoked certificate stays, saying when, why and by whom.
/// </summary>
public sealed class CertificateStore(DbConnectionFactory db, MailOutbox outbox, ProgrammeMail mail, TimeProvider clock)
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

    /// <summary>Revokes the current certificate with a reason anyone checking it will read, and tells its holder.</summary>
    public async Task<bool> RevokeAsync(CertificateView certificate, ProgrammePerson holder, string reason, long coordinatorId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.RevokeCertificate, new
            {
                certificate.Code, Reason = reason, By = coordinatorId, ReplacedBy = (string?)null, Now = clock.GetUtcNow(),
            }, tx, cancellationToken: ct)) != 1)
        {
            return false;
        }
        await outbox.EnqueueAsync(connection, tx, mail.CertificateRevoked(holder, certificate, reason), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Issues a new certificate in the holder's current name, with the same programme, completion date and
    /// visibility, and revokes the old one as replaced by it. Returns the new code, or null when there was none current.
    /// </summary>
    public async Task<string?> ReissueAsync(CertificateView certificate, ProgrammePerson holder, long coordinatorId, CancellationToken ct)
    {
        var code = CertificateCodes.New();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.ReissueCertificate, new { certificate.Code, NewCode = code }, tx, cancellationToken: ct)) != 1
            || await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.RevokeCertificate, new
            {
                certificate.Code, Reason = "", By = coordinatorId, ReplacedBy = code, Now = clock.GetUtcNow(),
            }, tx, cancellationToken: ct)) != 1)
        {
            return null;
        }
        await outbox.EnqueueAsync(connection, tx, mail.CertificateReissued(holder, certificate, code), ct);
        await tx.CommitAsync(ct);
        return code;
    }

    public async Task<bool> SetPublicAsync(string code, long memberId, bool isPublic, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(ProgrammesSql.SetCertificatePublic,
            new { Code = code, MemberId = memberId, IsPublic = isPublic }, cancellationToken: ct)) == 1;
    }
}
