using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// A member's programme data for their export: applications (with their access needs), attendance, certificates and
/// questionnaire answers. Erasure needs nothing here: their rows cascade with the member.
/// </summary>
public sealed class ProgrammesData(DbConnectionFactory db)
{
    public async Task<object> ExportAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return new
        {
            applications = await connection.QueryAsync(new CommandDefinition(ProgrammesSql.SelectApplicationsForExport, new { MemberId = memberId }, cancellationToken: ct)),
            attendance = await connection.QueryAsync(new CommandDefinition(ProgrammesSql.SelectAttendanceForExport, new { MemberId = memberId }, cancellationToken: ct)),
            certificates = await connection.QueryAsync(new CommandDefinition(ProgrammesSql.SelectCertificatesOfMember, new { MemberId = memberId }, cancellationToken: ct)),
            outcomeAnswers = await connection.QueryAsync(new CommandDefinition(ProgrammesSql.SelectOutcomeAnswersForExport, new { MemberId = memberId }, cancellationToken: ct)),
        };
    }
}
