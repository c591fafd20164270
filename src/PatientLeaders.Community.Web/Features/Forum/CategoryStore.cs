using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Forum;

public sealed record CategoryEdit(string Slug, string Name, string Description, string Icon, string Colour, bool IsPublic, string RequiredRoles);

/// <summary>
/// The categories, read on every forum request (access checks, the header's badge), so held in memory. This server's
/// own changes (<see cref="Changed"/>) show at once; another server's within <see cref="CacheLifetime"/>.
/// </summary>
public sealed class CategoryStore(DbConnectionFactory db, TimeProvider clock)
{
    /// <summary>How stale a change made on another server may be here: a new category, its roles, its thread count.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    private sealed record Loaded(IReadOnlyList<ForumCategory> Categories, long Generation, long LoadedAtMs);

    private Loaded? loaded;
    private long generation;

    public async Task<IReadOnlyList<ForumCategory>> AllAsync(CancellationToken ct)
    {
        // Physical time, not the site's clock: tests that hold the clock still must still see other servers' changes.
        var now = Environment.TickCount64;
        var current = Volatile.Read(ref loaded);
        var wanted = Interlocked.Read(ref generation);
        if (current is not null && current.Generation == wanted && now - current.LoadedAtMs < CacheLifetime.TotalMilliseconds)
        {
            return current.Categories;
        }
        await using var connection = await db.OpenAsync(ct);
        var categories = (await connection.QueryAsync<ForumCategory>(new CommandDefinition(ForumSql.SelectCategories, cancellationToken: ct))).ToList();
        // Kept only if nothing changed while reading; otherwise the next request reads again.
        Volatile.Write(ref loaded, new Loaded(categories, wanted, now));
        return categories;
    }

    /// <summary>Call after committing any change to ForumCategories, so this server's next request reads them afresh.</summary>
    public void Changed() => Interlocked.Increment(ref generation);

    /// <summary>False when the slug is taken.</summary>
    public async Task<bool> CreateAsync(CategoryEdit edit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertCategory,
                new { edit.Slug, edit.Name, edit.Description, edit.Icon, edit.Colour, edit.IsPublic, edit.RequiredRoles, CreatedAt = clock.GetUtcNow() },
                cancellationToken: ct));
            Changed();
            return true;
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>False when the slug is taken.</summary>
    public async Task<bool> UpdateAsync(long id, CategoryEdit edit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.UpdateCategory,
                new { Id = id, edit.Slug, edit.Name, edit.Description, edit.Icon, edit.Colour, edit.IsPublic, edit.RequiredRoles },
                cancellationToken: ct));
            Changed();
            return true;
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>Moves a category one place up (-1) or down (+1), renumbering all positions 1..n in one transaction.</summary>
    public async Task MoveAsync(long id, int direction, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var order = (await connection.QueryAsync<ForumCategory>(new CommandDefinition(ForumSql.SelectCategories, transaction: tx, cancellationToken: ct)))
            .Select(c => c.Id).ToList();
        var index = order.IndexOf(id);
        var target = index + Math.Sign(direction);
        if (index >= 0 && target >= 0 && target < order.Count)
        {
            (order[index], order[target]) = (order[target], order[index]);
            for (var i = 0; i < order.Count; i++)
            {
                await connection.ExecuteAsync(new CommandDefinition(ForumSql.SetCategoryPosition, new { Id = order[i], Position = i + 1 }, tx, cancellationToken: ct));
            }
        }
        await tx.CommitAsync(ct);
        Changed();
    }
}
