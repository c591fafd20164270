using System.Security.Claims;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Sets;

public static class SetsPolicy
{
    /// <summary>Facilitators, coordinators and admins set up sets.</summary>
    public static bool MayCreate(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Facilitator) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    /// <summary>Only people with the Facilitator role can facilitate a set.</summary>
    public static bool MayFacilitate(IReadOnlyList<string> roles) => roles.Contains(Roles.Facilitator);
}
