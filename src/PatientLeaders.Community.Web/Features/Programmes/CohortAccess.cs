using System.Security.Claims;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>Who someone is to one cohort, decided on the server for every page and download.</summary>
public sealed record CohortAccess(bool IsCoordinator, bool IsFacilitator, bool IsParticipant)
{
    /// <summary>Staff of the cohort: its facilitators and programme coordinators. They see every material, whenever it opens.</summary>
    public bool Runs => IsCoordinator || IsFacilitator;

    /// <summary>Materials, the set and the discussion area: participants and the people who run the cohort.</summary>
    public bool Belongs => Runs || IsParticipant;

    public static async Task<CohortAccess> ForAsync(ClaimsPrincipal user, long cohortId, ProgrammeStore programmes, ApplicationStore applications, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new CohortAccess(false, false, false);
        }
        var memberId = CurrentMember.Id(user);
        return new CohortAccess(
            ProgrammesPolicy.IsCoordinator(user),
            await programmes.IsFacilitatorAsync(cohortId, memberId, ct),
            await applications.FindOfAsync(cohortId, memberId, ct) is { Status: ApplicationStatus.Accepted });
    }
}
