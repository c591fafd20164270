namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>A member's two email settings, as stored.</summary>
public sealed record EmailPreferences
{
    public bool EmailImmediately { get; init; }

    public string DigestFrequency { get; init; } = DigestFrequencies.Off;
}
