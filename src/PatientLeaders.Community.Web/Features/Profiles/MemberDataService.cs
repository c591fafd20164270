using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;

namespace PatientLeaders.Community.Web.Features.Profiles;

/// <summary>A member's rights over their data: a full copy (UK GDPR Art. 15/20) and erasure (Art. 17).</summary>
public sealed class MemberDataService(DbConnectionFactory db, ProfileStore profiles, SessionStore sessions, SecurityEventLog securityLog, ForumMemberData forum, SetStore sets, MentoringData mentoring, ProgrammesData programmes,
    Involvement.InvolvementData involvement, Messages.MessagesData messages, TimeProvider clock)
{
    public async Task<object> ExportAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var account = await connection.QuerySingleAsync(new CommandDefinition(ProfilesSql.SelectAccountForExport, new { MemberId = memberId }, cancellationToken: ct));
        var roles = await connection.QueryAsync<string>(new CommandDefinition(AccountsSql.SelectRoles, new { MemberId = memberId }, cancellationToken: ct));
        var mail = await connection.QueryAsync(new CommandDefinition(ProfilesSql.SelectMailForExport, new { MemberId = memberId }, cancellationToken: ct));
        var signIns = await connection.QueryAsync(new CommandDefinition(AccountsSql.SelectSessionsForExport, new { MemberId = memberId }, cancellationToken: ct));
        var export = new
        {
            exportedAt = clock.GetUtcNow(),
            about = "Everything Patient Leaders Community stores about you and everything you have written.",
            account,
            roles,
            profile = await profiles.FindByIdAsync(memberId, ct),
            profilePicture = await profiles.FindByIdAsync(memberId, ct) is { PhotoUpdatedAt: not null } withPhoto
                && await profiles.PhotoAsync(withPhoto.Handle, ct) is { } jpeg ? "data:image/jpeg;base64," + Convert.ToBase64String(jpeg) : null,
            livedExperience = await profiles.LivedExperienceForViewerAsync(memberId, memberId, ct),
            healthDataConsents = await profiles.ConsentsAsync(memberId, ct),
            sessions = signIns,
            securityEvents = await securityLog.ForMemberAsync(memberId, ct),
            emailsSentToYou = mail,
            forum = await ForumMemberData.ExportAsync(connection, memberId, ct),
            mentoring = await mentoring.ExportAsync(memberId, ct),
            programmes = await programmes.ExportAsync(memberId, ct),
            involvement = await involvement.ExportAsync(memberId, ct),
            messages = await messages.ExportAsync(memberId, ct),
        };
        await securityLog.RecordAsync(memberId, SecurityEvents.DataExported, ct);
        return export;
    }

    /// <summary>
    /// Deletes the member and, through foreign keys, everything that is theirs: profile, health data, consents,
    /// sessions, roles, security events and queued mail. Invitations to their address go too.
    /// </summary>
    public async Task EraseAsync(long memberId, CancellationToken ct) => await EraseAsync(memberId, removePosts: false, ct);

    /// <param name="removePosts">Blank their forum posts too, instead of keeping them as written by "former member".</param>
    public async Task EraseAsync(long memberId, bool removePosts, CancellationToken ct)
    {
        await sessions.EndAllAsync(memberId, ct);
        await using var connection = await db.OpenAsync(ct);
        var email = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            ProfilesSql.SelectEmail, new { MemberId = memberId }, cancellationToken: ct));
        if (email is null)
        {
            return;
        }
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.DeleteInvitationsTo, new { NormalizedEmail = email.ToUpperInvariant() }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.DeleteMailTo, new { MemberId = memberId, Email = email }, tx, cancellationToken: ct));
            await sets.ForgetFacilitatorAsync(connection, tx, memberId, ct);
            await forum.EraseAsync(connection, tx, memberId, removePosts, ct);
            await mentoring.EraseMemberAsync(connection, tx, memberId, ct);
            await Messages.MessagesData.EraseMemberAsync(connection, tx, memberId, ct);
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.DeleteMember, new { MemberId = memberId }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        if (db.Dialect.AfterErasure.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(db.Dialect.AfterErasure, cancellationToken: ct));
        }
    }
}
