namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>The fixed roles, as Identity's role type; they live in code, not in a table.</summary>
public sealed class Role(string name)
{
    public string Name { get; } = name;
}
