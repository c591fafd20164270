using Microsoft.AspNetCore.Identity;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>The fixed set of roles: read-only, because roles are part of the product, not data.</summary>
public sealed class RoleStore : IRoleStore<Role>
{
    public void Dispose()
    {
    }

    public Task<IdentityResult> CreateAsync(Role role, CancellationToken ct) => Task.FromResult(ReadOnly());

    public Task<IdentityResult> UpdateAsync(Role role, CancellationToken ct) => Task.FromResult(ReadOnly());

    public Task<IdentityResult> DeleteAsync(Role role, CancellationToken ct) => Task.FromResult(ReadOnly());

    public Task<string> GetRoleIdAsync(Role role, CancellationToken ct) => Task.FromResult(role.Name);

    public Task<string?> GetRoleNameAsync(Role role, CancellationToken ct) => Task.FromResult<string?>(role.Name);

    public Task SetRoleNameAsync(Role role, string? roleName, CancellationToken ct) => Task.CompletedTask;

    public Task<string?> GetNormalizedRoleNameAsync(Role role, CancellationToken ct) => Task.FromResult<string?>(role.Name.ToUpperInvariant());

    public Task SetNormalizedRoleNameAsync(Role role, string? normalizedName, CancellationToken ct) => Task.CompletedTask;

    public Task<Role?> FindByIdAsync(string roleId, CancellationToken ct) => FindByNameAsync(roleId, ct);

    public Task<Role?> FindByNameAsync(string normalizedRoleName, CancellationToken ct)
    {
        var name = Roles.All.FirstOrDefault(r => string.Equals(r, normalizedRoleName, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(name is null ? null : new Role(name));
    }

    private static IdentityResult ReadOnly() =>
        IdentityResult.Failed(new IdentityError { Code = "RolesAreFixed", Description = "Roles are fixed." });
}
