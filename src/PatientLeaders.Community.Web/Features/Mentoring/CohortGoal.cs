namespace PatientLeaders.Community.Web.Features.Mentoring;

public enum CohortGoal
{
    /// <summary>Match as many mentees as the constraints allow; among those assignments, the best total score.</summary>
    MostPeopleMatched,

    /// <summary>The best total score, leaving a mentee unmatched when that raises the total.</summary>
    BestTotalScore,
}
