namespace PatientLeaders.Community.Web.Features.Profiles;

public sealed record ProfileView
{
    public long MemberId { get; init; }
    public string Handle { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string Pronouns { get; init; } = "";
    public string Bio { get; init; } = "";
    public string Region { get; init; } = "";
    public string Languages { get; init; } = "";
    public string Interests { get; init; } = "";
    public string Skills { get; init; } = "";
    public string MemberType { get; init; } = MemberTypes.PatientLeader;
    public bool ListedInDirectory { get; init; }
    public DateTimeOffset? PhotoUpdatedAt { get; init; }
}

/// <summary>Who a member is in health and care. Partnership programmes bring one of each together as a trio.</summary>
public static class MemberTypes
{
    public const string PatientLeader = "PatientLeader";
    public const string Clinician = "Clinician";
    public const string Manager = "Manager";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (PatientLeader, "Patient leader"),
        (Clinician, "Clinician"),
        (Manager, "Manager"),
    ];

    public static bool IsKnown(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

/// <summary>Special-category health data. Only ever read through <see cref="ProfileStore.LivedExperienceForViewerAsync"/>.</summary>
public sealed record LivedExperience
{
    public long MemberId { get; init; }
    public string Conditions { get; init; } = "";
    public string ConditionsVisibility { get; init; } = Visibility.OnlyMe;
    public string ServicesUsed { get; init; } = "";
    public string ServicesUsedVisibility { get; init; } = Visibility.OnlyMe;
}

public sealed record ConsentRecord
{
    public string Action { get; init; } = "";
    public string Wording { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
}

public static class Visibility
{
    public const string OnlyMe = "OnlyMe";
    public const string Members = "Members";

    public static bool IsKnown(string value) => value is OnlyMe or Members;
}

public static class Consent
{
    public const string Given = "Given";
    public const string Withdrawn = "Withdrawn";

    public const string Wording =
        "I agree that Patient Leaders Community may store the information about my health and the services I have used " +
        "that I enter here, and show it only to the people I choose. I can withdraw this consent at any time.";
}
