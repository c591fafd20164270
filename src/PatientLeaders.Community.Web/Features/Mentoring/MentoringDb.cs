using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Mentoring;

internal static class MentoringDb
{
    /// <summary>
    /// A write transaction that takes the write lock at once (SQLite BEGIN IMMEDIATE), so a read-then-write such as
    /// accepting a request never meets another writer half-way; SQL Server row locks do the same for the conditional UPDATEs.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : await connection.BeginTransactionAsync(ct);

    public static async Task<IReadOnlyList<MentoringRecipient>> CoordinatorsAsync(DbConnection connection, DbTransaction? tx, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var role in new[] { Roles.Coordinator, Roles.Admin })
        {
            var people = (await connection.QueryAsync<MentoringRecipient>(new CommandDefinition(MentoringSql.SelectCoordinators,
                new { Role = role, Now = now }, tx, cancellationToken: ct))).ToList();
            if (people.Count > 0)
            {
                return people;
            }
        }
        return [];
    }

    public static async Task<MentoringRecipient> PersonAsync(DbConnection connection, DbTransaction? tx, long memberId, CancellationToken ct) =>
        await connection.QuerySingleAsync<MentoringRecipient>(new CommandDefinition(MentoringSql.SelectMember, new { MemberId = memberId }, tx, cancellationToken: ct));
}
