using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>A member's mentoring data for their export, and its erasure inside the account-deletion transaction.</summary>
public sealed class MentoringData(DbConnectionFactory db, MentoringStore store, TimeProvider clock)
{
    public async Task<object> ExportAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { MemberId = memberId };
        return new
        {
            mentorOffer = await store.OfferAsync(memberId, ct),
            accreditations = await store.AccreditationsAsync(memberId, ct),
            requests = await connection.QueryAsync(new CommandDefinition(MentoringSql.SelectRequestsForExport, args, cancellationToken: ct)),
            relationships = await connection.QueryAsync(new CommandDefinition(MentoringSql.SelectRelationshipsForExport, args, cancellationToken: ct)),
            goals = await connection.QueryAsync(new CommandDefinition(MentoringSql.SelectGoalsForExport, args, cancellationToken: ct)),
            sessions = await connection.QueryAsync(new CommandDefinition(MentoringSql.SelectSessionsForExport, args, cancellationToken: ct)),
            yourSessionNotes = await connection.QueryAsync(new CommandDefinition(MentoringSql.SelectNotesForExport, args, cancellationToken: ct)),
            yourMessages = await connection.QueryAsync(new CommandDefinition(MentoringSql.SelectMessagesForExport, args, cancellationToken: ct)),
        };
    }

    /// <summary>
    /// Deletes the member's mentoring rows explicitly (SQL Server allows only one cascade path to Members): the pairs
    /// they were in with everything inside them, their offer, accreditations and requests. Mentors they were mentored
    /// by get their place back, and a request that was waiting on them moves to the coordinators.
    /// </summary>
    public async Task EraseMemberAsync(DbConnection connection, DbTransaction tx, long memberId, CancellationToken ct)
    {
        var args = new { MemberId = memberId, Now = clock.GetUtcNow() };
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.FreePlacesOfMenteeMentors, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.DeleteRelationshipsOf, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.DeleteChoicesOfMentor, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.RescueOrphanedRequests, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.DeleteRequestsOf, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.DeleteOfferOf, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(MentoringSql.DeleteAccreditationsOf, args, tx, cancellationToken: ct));
    }
}
