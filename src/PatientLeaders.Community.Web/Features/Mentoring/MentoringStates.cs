namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>The life of a mentee's request. Every open request has someone responsible: the mentee (Choosing), a mentor (Waiting) or the coordinators.</summary>
public static class RequestStatus
{
    public const string Choosing = "Choosing";
    public const string Waiting = "Waiting";
    public const string WithCoordinators = "WithCoordinators";
    public const string Matched = "Matched";
    public const string Withdrawn = "Withdrawn";

    /// <summary>A coordinator closed it kindly, with a message to the mentee.</summary>
    public const string Closed = "Closed";

    public static bool IsOpen(string status) => status is Choosing or Waiting or WithCoordinators;
}

/// <summary>One mentor on a request. Queued choices wait their turn; Pending ones are with the mentor now.</summary>
public static class ChoiceStatus
{
    public const string Queued = "Queued";
    public const string Pending = "Pending";
    public const string Accepted = "Accepted";
    public const string Declined = "Declined";
    public const string TimedOut = "TimedOut";
    public const string Withdrawn = "Withdrawn";
}

public static class RelationshipStatus
{
    public const string Active = "Active";
    public const string Completed = "Completed";
    public const string EndedEarly = "EndedEarly";
}
