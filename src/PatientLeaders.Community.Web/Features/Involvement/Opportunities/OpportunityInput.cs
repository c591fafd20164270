namespace PatientLeaders.Community.Web.Features.Involvement.Opportunities;

/// <summary>An opportunity as its organisation writes it. Dates are calendar days, stored as midnight UTC.</summary>
public sealed record OpportunityEdit
{
    public long OrganisationId { get; init; }
    public string Title { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Difference { get; init; } = "";
    public string TimeCommitment { get; init; } = "";
    public DateTimeOffset StartsOn { get; init; }
    public DateTimeOffset EndsOn { get; init; }
    public string Place { get; init; } = "";
    public string Venue { get; init; } = "";
    public string Region { get; init; } = "";
    public string PaymentLevel { get; init; } = "";
    public int HourlyRatePence { get; init; }
    public string Expenses { get; init; } = "";
    public string Support { get; init; } = "";
    public string ExperienceSought { get; init; } = "";
    public string Themes { get; init; } = "";
    public int PeopleWanted { get; init; }
    public DateTimeOffset ClosesOn { get; init; }
    public string ContactName { get; init; } = "";
    public string ContactEmail { get; init; } = "";
}

/// <summary>What a leader chose to share with one application.</summary>
public sealed record ApplicationChoice(string Statement, bool ShareLivedExperience, bool ShareAccessNeeds);
