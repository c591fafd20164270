using System.Data.Common;
using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>A member's messages in their data copy, and their part in conversations removed when they leave.</summary>
public sealed class MessagesData(DbConnectionFactory db)
{
    public async Task<object> ExportAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return new
        {
            messagesYouSent = await connection.QueryAsync(new CommandDefinition(MessagesSql.SelectSentForExport, new { MemberId = memberId }, cancellationToken: ct)),
            membersYouBlocked = await connection.QueryAsync(new CommandDefinition(MessagesSql.SelectBlocked, new { MemberId = memberId }, cancellationToken: ct)),
        };
    }

    /// <summary>
    /// Their blocks go, their messages stay for the others as written by a former member, they leave every
    /// conversation, and a conversation with nobody left in it is deleted.
    /// </summary>
    public static async Task EraseMemberAsync(DbConnection connection, DbTransaction tx, long memberId, CancellationToken ct)
    {
        var args = new { MemberId = memberId };
        foreach (var sql in new[] { MessagesSql.EraseBlocks, MessagesSql.EraseSender, MessagesSql.EraseReporter, MessagesSql.EraseParticipant,
            MessagesSql.DeleteEmptyConversations })
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        }
    }
}
