using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Web.Features.Involvement;

public sealed record OrganisationView
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string About { get; init; } = "";
    public string Website { get; init; } = "";
    public DateTimeOffset? VerifiedAt { get; init; }
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Verified and not paused: its page is public and its approved opportunities reach the pool.</summary>
    public bool IsActive => VerifiedAt is not null && PausedAt is null;
}

/// <summary>A leader's pool profile. Themes and access needs are health data; PrivateThemes are never shown to anyone.</summary>
public sealed record PoolProfile
{
    public long MemberId { get; init; }
    public string Kinds { get; init; } = "";
    public string Skills { get; init; } = "";
    public string RolesHeld { get; init; } = "";
    public string Region { get; init; } = "";
    public bool Remote { get; init; }
    public bool Telephone { get; init; }
    public string Availability { get; init; } = "";
    public string Themes { get; init; } = "";
    public string PrivateThemes { get; init; } = "";
    public string AccessNeeds { get; init; } = "";
    public string Payment { get; init; } = InvolvementVocabulary.Paid;
    public DateTimeOffset JoinedAt { get; init; }
    public DateTimeOffset? DigestSentAt { get; init; }

    public IReadOnlyList<string> KindList => InvolvementVocabulary.Kinds.Clean(Vocabulary.Split(Kinds));
    public IReadOnlyList<string> ThemeList => MentoringVocabulary.Themes.Clean(Vocabulary.Split(Themes));
    public IReadOnlyList<string> PrivateThemeList => MentoringVocabulary.Themes.Clean(Vocabulary.Split(PrivateThemes));
}

public sealed record OpportunityView
{
    public long Id { get; init; }
    public long OrganisationId { get; init; }
    public string OrganisationName { get; init; } = "";
    public string OrganisationSlug { get; init; } = "";
    public bool OrganisationActive { get; init; }
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
    public string Themes
    {
        get => themes;
        init
        {
            themes = value;
            ThemeList = MentoringVocabulary.Themes.Clean(Vocabulary.Split(value));
        }
    }

    public int PeopleWanted { get; init; }
    public DateTimeOffset ClosesOn { get; init; }
    public string ContactName { get; init; } = "";
    public string ContactEmail { get; init; } = "";
    public string Status { get; init; } = OpportunityStatus.Draft;
    public string ReviewNote { get; init; } = "";
    public DateTimeOffset? ApprovedAt { get; init; }
    public DateTimeOffset? ClosingNoticeSentAt { get; init; }
    public int Applicants { get; init; }
    public int Confirmed { get; init; }

    /// <summary>The themes sought, parsed once when read: every leader's ranking compares them (<see cref="OpportunityMatcher"/>).</summary>
    public IReadOnlyList<string> ThemeList { get; private init; } = [];

    private readonly string themes = "";

    /// <summary>Pool members may read it: approved (or since closed) and its organisation active.</summary>
    public bool IsVisibleToPool => OrganisationActive && Status is OpportunityStatus.Approved or OpportunityStatus.Closed;

    public bool IsOpenOn(DateTimeOffset today) => OrganisationActive && Status == OpportunityStatus.Approved && ClosesOn >= today;
}

/// <summary>An application as its organisation and the leader see it. Shared text is present only where the leader shared it.</summary>
public sealed record ApplicantView
{
    public long Id { get; init; }
    public long OpportunityId { get; init; }
    public string OpportunityTitle { get; init; } = "";
    public long OrganisationId { get; init; }
    public string OrganisationName { get; init; } = "";
    public long MemberId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Handle { get; init; } = "";
    public string Email { get; init; } = "";
    public string Language { get; init; } = "";
    public string Statement { get; init; } = "";
    public string Payment { get; init; } = "";
    public string SharedLivedExperience { get; init; } = "";
    public string SharedAccessNeeds { get; init; } = "";
    public string Status { get; init; } = ApplicantStatus.Applied;
    public string Feedback { get; init; } = "";
    public DateTimeOffset AppliedAt { get; init; }
    public DateTimeOffset ClosesOn { get; init; }
    public long? EngagementId { get; init; }
}

public sealed record SharingRecord
{
    public long ApplicationId { get; init; }
    public string OpportunityTitle { get; init; } = "";
    public string OrganisationName { get; init; } = "";
    public string What { get; init; } = "";
    public string Action { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
}
