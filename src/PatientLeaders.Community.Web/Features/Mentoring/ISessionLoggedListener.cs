namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Told after a mentoring session is logged, so that another feature can act at once (a programme's coaching calls
/// count towards completion). Mentoring knows nothing of who listens.
/// </summary>
public interface ISessionLoggedListener
{
    Task SessionLoggedAsync(long relationshipId, CancellationToken ct);
}
