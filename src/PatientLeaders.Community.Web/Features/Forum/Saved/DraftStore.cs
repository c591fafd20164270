using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Forum.Saved;

/// <summary>Server-side drafts: one per member and composer (new thread, or reply to a thread), on every device.</summary>
public sealed class DraftStore(DbConnectionFactory db, TimeProvider clock)
{
    public async Task<DraftView?> FindAsync(long memberId, string draftKey, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DraftView>(new CommandDefinition(ForumSql.SelectDraft,
            new { MemberId = memberId, DraftKey = draftKey }, cancellationToken: ct));
    }

    /// <summary>Saves the draft; an empty one is deleted instead.</summary>
    public async Task SaveAsync(long memberId, DraftView draft, CancellationToken ct)
    {
        var args = new { MemberId = memberId, draft.DraftKey, draft.Title, draft.Body, draft.ContentNote, draft.Tags, Now = clock.GetUtcNow() };
        using var write = await db.WriteLockAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        if (draft.Title.Length == 0 && draft.Body.Length == 0 && draft.ContentNote.Length == 0 && draft.Tags.Length == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.DeleteDraft, args, cancellationToken: ct));
            return;
        }
        if (await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdateDraft, args, cancellationToken: ct)) > 0)
        {
            return;
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertDraft, args, cancellationToken: ct));
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdateDraft, args, cancellationToken: ct));
        }
    }

    public async Task DeleteAsync(long memberId, string draftKey, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ForumSql.DeleteDraft, new { MemberId = memberId, DraftKey = draftKey }, cancellationToken: ct));
    }
}
