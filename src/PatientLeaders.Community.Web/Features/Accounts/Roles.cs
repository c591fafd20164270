namespace PatientLeaders.Community.Web.Features.Accounts;

public static class Roles
{
    public const string Member = "Member";
    public const string Mentor = "Mentor";
    public const string Facilitator = "Facilitator";
    public const string Coordinator = "Coordinator";
    public const string Moderator = "Moderator";
    public const string Admin = "Admin";

    /// <summary>Runs the Centre's learning programmes: programmes, cohorts, places and reports. Admins count as one.</summary>
    public const string ProgrammeCoordinator = "ProgrammeCoordinator";

    public static readonly IReadOnlyList<string> All = [Member, Mentor, Facilitator, Coordinator, ProgrammeCoordinator, Moderator, Admin];

    /// <summary>Roles that can see other people's data or act on it must use two-factor sign-in.</summary>
    public static readonly IReadOnlyList<string> RequiringTwoFactor = [Coordinator, ProgrammeCoordinator, Moderator, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
