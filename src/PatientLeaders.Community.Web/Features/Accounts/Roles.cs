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

    /// <summary>
    /// Roles that belong to one thing rather than the site: the participants and facilitators of one cohort
    /// ("Cohort:12") and the alumni of one programme ("Alumni:effective-patient-leader"). Features grant them through
    /// <see cref="MemberRoleGrants"/>; a forum category restricted to one is that cohort's or those alumni's own.
    /// </summary>
    public const string CohortPrefix = "Cohort:";

    public const string AlumniPrefix = "Alumni:";

    /// <summary>A contact of one organisation in the pool of patient leaders ("Organisation:4"): sees that organisation's opportunities and applicants only.</summary>
    public const string OrganisationPrefix = "Organisation:";

    public static string ForOrganisation(long organisationId) => OrganisationPrefix + organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The organisations this member is a contact for, read from their role claims.</summary>
    public static IReadOnlyList<long> OrganisationsOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value)
            .Where(r => r.StartsWith(OrganisationPrefix, StringComparison.Ordinal))
            .Select(r => long.TryParse(r.AsSpan(OrganisationPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToList();

    public static string ForCohort(long cohortId) => CohortPrefix + cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string AlumniOf(string programmeSlug) => AlumniPrefix + programmeSlug;

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal) || IsScoped(role);

    public static bool IsScoped(string role) =>
        role.Length <= 120
        && (role.StartsWith(CohortPrefix, StringComparison.Ordinal) && long.TryParse(role.AsSpan(CohortPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            || role.StartsWith(OrganisationPrefix, StringComparison.Ordinal) && long.TryParse(role.AsSpan(OrganisationPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            || role.StartsWith(AlumniPrefix, StringComparison.Ordinal) && role.Length > AlumniPrefix.Length
                && role.AsSpan(AlumniPrefix.Length).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-") < 0);
}
