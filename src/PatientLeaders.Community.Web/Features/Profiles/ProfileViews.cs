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
