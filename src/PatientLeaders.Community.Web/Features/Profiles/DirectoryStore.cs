using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Profiles;

/// <summary>One member as the directory shows them: never anything from their lived experience.</summary>
public sealed record DirectoryEntry
{
    public long MemberId { get; init; }
    public string Handle { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Pronouns { get; init; } = "";
    public string Region { get; init; } = "";
    public string Interests { get; init; } = "";
    public DateTimeOffset? PhotoUpdatedAt { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Accreditations { get; init; } = [];
}

public sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Entries, int Total);

/// <summary>
/// The member directory: only members who chose to be listed, and not while suspended. It reads MemberProfiles and
/// Members only (never LivedExperiences), so no health field can reach it.
/// </summary>
public sealed class DirectoryStore(DbConnectionFactory db, TimeProvider clock)
{
    public const int PageSize = 30;

    /// <summary>Roles the directory names: what a member does for others, not site administration.</summary>
    public static readonly IReadOnlyList<string> ShownRoles = [Roles.Mentor, Roles.Facilitator, Roles.Moderator];

    private const string Where = """
        FROM MemberProfiles p JOIN Members m ON m.Id = p.MemberId
        WHERE p.ListedInDirectory = 1 AND (m.SuspendedUntil IS NULL OR m.SuspendedUntil < @Now)
            AND (@Like = '' OR m.DisplayName LIKE @Like ESCAPE '\' OR m.Handle LIKE @Like ESCAPE '\'
                OR p.Region LIKE @Like ESCAPE '\' OR p.Interests LIKE @Like ESCAPE '\')
            AND (@Role = '' OR m.Id IN (SELECT MemberId FROM MemberRoles WHERE Role = @Role))
        """;

    private readonly string pageSql = db.Dialect.SkipTake(
        "SELECT m.Id AS MemberId, m.Handle, m.DisplayName, p.Pronouns, p.Region, p.Interests, "
        + "(SELECT ph.UpdatedAt FROM MemberPhotos ph WHERE ph.MemberId = m.Id) AS PhotoUpdatedAt " + Where + " ORDER BY m.DisplayName, m.Id");

    private readonly string rolesSql = JsonIntegers.InStatement(db.Dialect,
        "SELECT MemberId, Role FROM MemberRoles WHERE MemberId IN (SELECT value FROM {0})", "@MemberIds");

    private readonly string accreditationsSql = JsonIntegers.InStatement(db.Dialect,
        "SELECT MemberId, Kind FROM MentorAccreditations WHERE ExpiresOn >= @Today AND MemberId IN (SELECT value FROM {0})", "@MemberIds");

    public async Task<DirectoryPage> SearchAsync(string query, string role, int page, CancellationToken ct)
    {
        var args = new
        {
            Now = clock.GetUtcNow(),
            Like = SqlLike.Containing(query),
            Role = ShownRoles.Contains(role) ? role : "",
            Skip = (Math.Max(1, page) - 1) * PageSize,
            Take = PageSize,
        };
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) " + Where, args, cancellationToken: ct));
        var entries = (await connection.QueryAsync<DirectoryEntry>(new CommandDefinition(pageSql, args, cancellationToken: ct))).AsList();
        if (entries.Count == 0)
        {
            return new DirectoryPage([], total);
        }
        var ids = new { MemberIds = JsonIntegers.From(entries.Select(e => e.MemberId)), Today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero) };
        var roles = (await connection.QueryAsync<(long MemberId, string Role)>(new CommandDefinition(rolesSql, ids, cancellationToken: ct)))
            .Where(r => ShownRoles.Contains(r.Role)).ToLookup(r => r.MemberId, r => r.Role);
        var accreditations = (await connection.QueryAsync<(long MemberId, string Kind)>(new CommandDefinition(accreditationsSql, ids, cancellationToken: ct)))
            .ToLookup(a => a.MemberId, a => a.Kind);
        return new DirectoryPage(entries.Select(e => e with
        {
            Roles = roles[e.MemberId].Order(StringComparer.Ordinal).ToList(),
            Accreditations = accreditations[e.MemberId].Distinct().Order(StringComparer.Ordinal).ToList(),
        }).ToList(), total);
    }
}
