using Dapper;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Forum;

public sealed record CategoryEdit(string Slug, string Name, string Description, string Icon, string Colour, bool IsPublic, string RequiredRoles);

public sealed class CategoryStore(DbConnectionFactory db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ForumCategory>> AllAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ForumCategory>(new CommandDefinition(ForumSql.SelectCategories, cancellationToken: ct))).ToList();
    }

    /// <summary>False when the slug is taken.</summary>
    public async Task<bool> CreateAsync(CategoryEdit edit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ForumSql.InsertCategory,
                new { edit.Slug, edit.Name, edit.Description, edit.Icon, edit.Colour, edit.IsPublic, edit.RequiredRoles, CreatedAt = clock.GetUtcNow() },
                cancellationToken: ct));
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
    }
}
