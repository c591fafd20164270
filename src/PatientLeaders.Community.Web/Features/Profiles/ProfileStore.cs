using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Profiles;

public sealed record ProfileEdit(string DisplayName, string Pronouns, string Bio, string Region, string Languages, string Interests, string Skills,
    string MemberType = MemberTypes.PatientLeader, bool ListedInDirectory = false);

public sealed record LivedExperienceEdit(string Conditions, string ConditionsVisibility, string ServicesUsed, string ServicesUsedVisibility);

public sealed class ProfileStore(DbConnectionFactory db, TimeProvider clock)
{
    public async Task<ProfileView?> FindByHandleAsync(string handle, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProfileView>(new CommandDefinition(ProfilesSql.SelectProfileByHandle,
            new { NormalizedHandle = handle.ToUpperInvariant() }, cancellationToken: ct));
    }

    public async Task<ProfileView?> FindByIdAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProfileView>(new CommandDefinition(ProfilesSql.SelectProfileById,
            new { MemberId = memberId }, cancellationToken: ct));
    }

    /// <summary>
    /// The member's own lived experience in full, or only the fields they share with members, for anyone else.
    /// Null when there is nothing the viewer may see.
    /// </summary>
    public async Task<LivedExperience?> LivedExperienceForViewerAsync(long memberId, long? viewerId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var stored = await connection.QuerySingleOrDefaultAsync<LivedExperience>(new CommandDefinition(
            ProfilesSql.SelectLivedExperience, new { MemberId = memberId }, cancellationToken: ct));
        if (stored is null || viewerId == memberId)
        {
            return stored;
        }
        if (viewerId is null)
        {
            return null;
        }
        var shared = stored with
        {
            Conditions = stored.ConditionsVisibility == Visibility.Members ? stored.Conditions : "",
            ServicesUsed = stored.ServicesUsedVisibility == Visibility.Members ? stored.ServicesUsed : "",
        };
        return shared.Conditions.Length == 0 && shared.ServicesUsed.Length == 0 ? null : shared;
    }

    public async Task SaveProfileAsync(long memberId, ProfileEdit edit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.UpdateDisplayName,
            new { MemberId = memberId, edit.DisplayName }, tx, cancellationToken: ct));
        var args = new { MemberId = memberId, edit.Pronouns, edit.Bio, edit.Region, edit.Languages, edit.Interests, edit.Skills, edit.MemberType, edit.ListedInDirectory, UpdatedAt = now };
        if (await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.UpdateProfile, args, tx, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.InsertProfile, args, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Saves health data only together with a consent record; withdrawing deletes the data.</summary>
    public async Task SaveLivedExperienceAsync(long memberId, LivedExperienceEdit edit, bool consentNewlyGiven, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (consentNewlyGiven)
        {
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.InsertConsent,
                new { MemberId = memberId, Action = Consent.Given, Wording = Consent.Wording, OccurredAt = now }, tx, cancellationToken: ct));
        }
        var args = new { MemberId = memberId, edit.Conditions, edit.ConditionsVisibility, edit.ServicesUsed, edit.ServicesUsedVisibility, UpdatedAt = now };
        if (await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.UpdateLivedExperience, args, tx, cancellationToken: ct)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.InsertLivedExperience, args, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    public async Task WithdrawConsentAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.DeleteLivedExperience, new { MemberId = memberId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.InsertConsent,
            new { MemberId = memberId, Action = Consent.Withdrawn, Wording = Consent.Wording, OccurredAt = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<ConsentRecord>> ConsentsAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ConsentRecord>(new CommandDefinition(ProfilesSql.SelectConsents,
            new { MemberId = memberId }, cancellationToken: ct))).ToList();
    }

    public async Task<bool> HasActiveConsentAsync(long memberId, CancellationToken ct) =>
        (await ConsentsAsync(memberId, ct)).LastOrDefault()?.Action == Consent.Given;

    /// <summary>Saves a picture already re-encoded by <see cref="ProfilePhoto"/>, or removes it when null.</summary>
    public async Task SavePhotoAsync(long memberId, byte[]? jpeg, CancellationToken ct)
    {
        var args = new { MemberId = memberId, Jpeg = jpeg, Now = clock.GetUtcNow() };
        await using var connection = await db.OpenAsync(ct);
        if (jpeg is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.DeletePhoto, args, cancellationToken: ct));
            return;
        }
        if (await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.UpdatePhoto, args, cancellationToken: ct)) == 1)
        {
            return;
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.InsertPhoto, args, cancellationToken: ct));
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            // Two first uploads at once (a double click): the later one replaces the earlier.
            await connection.ExecuteAsync(new CommandDefinition(ProfilesSql.UpdatePhoto, args, cancellationToken: ct));
        }
    }

    public async Task<byte[]?> PhotoAsync(string handle, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(ProfilesSql.SelectPhotoByHandle,
            new { NormalizedHandle = handle.ToUpperInvariant() }, cancellationToken: ct));
    }
}
