using System.Security.Claims;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Programmes;

public static class ProgrammesPolicy
{
    /// <summary>Programme coordinators run programmes; admins count as coordinators.</summary>
    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.ProgrammeCoordinator) || user.IsInRole(Roles.Admin);
}
