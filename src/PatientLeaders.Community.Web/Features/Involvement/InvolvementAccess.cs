using System.Security.Claims;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Programmes;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>
/// Who may do what in the pool. The Centre's programme coordinators (and admins) coordinate the pool; an
/// organisation's contacts act for that organisation only.
/// </summary>
public static class InvolvementAccess
{
    public static bool IsCoordinator(ClaimsPrincipal user) => ProgrammesPolicy.IsCoordinator(user);

    public static bool IsContactOf(ClaimsPrincipal user, long organisationId) => user.IsInRole(Roles.ForOrganisation(organisationId));

    public static bool IsContact(ClaimsPrincipal user) => Roles.OrganisationsOf(user).Count > 0;

    /// <summary>Coordinators and the organisation's own contacts: may edit it, see its applicants and approve its claims.</summary>
    public static bool Manages(ClaimsPrincipal user, long organisationId) => IsCoordinator(user) || IsContactOf(user, organisationId);
}
