using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Programmes;

namespace PatientLeaders.Community.Web.Features.Involvement.Organisations;

public sealed record OrganisationEdit(string Name, string Kind, string About, string Website);

/// <summary>
/// The organisations the Centre works with. Coordinators add, verify and pause them, and invite their contacts:
/// a contact holds the scoped role Organisation:{id} and sees only that organisation's opportunities and applicants.
/// </summary>
public sealed class OrganisationStore(DbConnectionFactory db, MemberRoleGrants roles, InvitationStore invitations, TimeProvider clock)
{
    private static readonly HashSet<string> ReservedSlugs = ["manage"];

    public async Task<IReadOnlyList<OrganisationView>> AllAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OrganisationView>(new CommandDefinition(InvolvementSql.SelectOrganisations, cancellationToken: ct))).AsList();
    }

    public async Task<OrganisationView?> FindAsync(string slug, CancellationToken ct)
    {
        if (!Slugs.IsValid(slug))
        {
            return null;
        }
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<OrganisationView>(new CommandDefinition(InvolvementSql.SelectOrganisationBySlug, new { Slug = slug }, cancellationToken: ct));
    }

    public async Task<OrganisationView?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<OrganisationView>(new CommandDefinition(InvolvementSql.SelectOrganisationById, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>Adds it under a slug made from its name, numbered when taken; returns the slug.</summary>
    public async Task<string> CreateAsync(OrganisationEdit edit, CancellationToken ct)
    {
        var stem = Slugs.From(edit.Name);
        stem = stem.Length == 0 ? "organisation" : ReservedSlugs.Contains(stem) ? stem + "-organisation" : stem;
        await using var connection = await db.OpenAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var slug = attempt == 1 ? stem : $"{stem}-{attempt}";
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.InsertOrganisation,
                    new { Slug = slug, edit.Name, edit.Kind, edit.About, edit.Website, Now = clock.GetUtcNow() }, cancellationToken: ct));
                return slug;
            }
            catch (Exception exception) when (db.Dialect.IsUniqueViolation(exception) && attempt < 50)
            {
                // Taken: try the next number.
            }
        }
    }

    public async Task UpdateAsync(long id, OrganisationEdit edit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.UpdateOrganisation,
            new { Id = id, edit.Name, edit.Kind, edit.About, edit.Website, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async Task SetVerifiedAsync(long id, bool on, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.SetVerified, new { Id = id, On = on, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>A paused organisation's opportunities leave the pool's lists; work already confirmed carries on.</summary>
    public async Task SetPausedAsync(long id, bool on, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InvolvementSql.SetPaused, new { Id = id, On = on, Now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ProgrammePerson>> ContactsAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ProgrammePerson>(new CommandDefinition(InvolvementSql.SelectContacts,
            new { Role = Roles.ForOrganisation(id) }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<string>> PendingInvitationsAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(InvolvementSql.SelectPendingContactInvitations,
            new { Role = Roles.ForOrganisation(id), Now = clock.GetUtcNow() }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Makes someone a contact: a member already here gets the role at once (true); anyone else is sent an
    /// invitation that carries it (false).
    /// </summary>
    public async Task<bool> AddContactAsync(long id, string email, long invitedBy, string inviterName, CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            var memberId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InvolvementSql.SelectMemberByEmail,
                new { NormalizedEmail = email.ToUpperInvariant() }, cancellationToken: ct));
            if (memberId is { } existing)
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await roles.GrantAsync(connection, tx, existing, Roles.ForOrganisation(id), ct);
                await tx.CommitAsync(ct);
                return true;
            }
        }
        await invitations.InviteAsync(email, Roles.ForOrganisation(id), invitedBy, inviterName, ct);
        return false;
    }

    public async Task RemoveContactAsync(long id, long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await roles.RevokeAsync(connection, tx, memberId, Roles.ForOrganisation(id), ct);
        await tx.CommitAsync(ct);
    }
}
