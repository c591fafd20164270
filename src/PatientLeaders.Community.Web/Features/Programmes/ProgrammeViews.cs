namespace PatientLeaders.Community.Web.Features.Programmes;

public sealed record ProgrammeView
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Aims { get; init; } = "";
    public string WhoFor { get; init; } = "";
    public bool IsPublished { get; init; }
    public int MinSessions { get; init; }
    public int MinCoachingCalls { get; init; }
    public long? AlumniCategoryId { get; init; }

    /// <summary>Completing it leads to an accreditation (after observed practice): facilitator or coach.</summary>
    public bool LeadsToAccreditation => Kind is "TrainTheFacilitator" or "CoachMentor";
}

public sealed record CohortView
{
    public long Id { get; init; }
    public long ProgrammeId { get; init; }
    public string ProgrammeSlug { get; init; } = "";
    public string ProgrammeTitle { get; init; } = "";
    public string ProgrammeKind { get; init; } = "";
    public bool IsPublished { get; init; }
    public string Title { get; init; } = "";
    public string Mode { get; init; } = "";
    public string Venue { get; init; } = "";
    public int Places { get; init; }
    public int Taken { get; init; }
    public string PartnerName { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    public long? SetId { get; init; }
    public long? CategoryId { get; init; }
    public int MinSessions { get; init; }
    public int MinCoachingCalls { get; init; }
    public int CalendarSequence { get; init; }
    public bool RunAbroad { get; init; }
    public bool ReservedForPartner { get; init; }
    public string? PartnerCode { get; init; }

    /// <summary>Whether this code opens a cohort whose places are kept for its partner's members.</summary>
    public bool AdmitsWith(string? code) =>
        !ReservedForPartner || (PartnerCode is { Length: > 0 } expected && code is not null
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(code)));

    public int PlacesLeft => Math.Max(0, Places - Taken);

    public bool HasStarted(DateTimeOffset now) => StartsAt is { } start && start <= now;
}

public sealed record SessionView
{
    public long Id { get; init; }
    public long CohortId { get; init; }
    public int Position { get; init; }
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public int DurationMinutes { get; init; }
    public long? MeetingId { get; init; }
}

public sealed record FacilitatorView
{
    public long MemberId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Handle { get; init; } = "";
}

/// <summary>An application as coordinators and the cohort's facilitators see it, access needs included.</summary>
public sealed record ApplicationView
{
    public long Id { get; init; }
    public long CohortId { get; init; }
    public long MemberId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Handle { get; init; } = "";
    public string Email { get; init; } = "";
    public string? Language { get; init; }
    public string Status { get; init; } = "";
    public string Why { get; init; } = "";
    public string Change { get; init; } = "";
    public string AccessNeeds { get; init; } = "";
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecisionMessage { get; init; }
    public DateTimeOffset? OfferExpiresAt { get; init; }
    public DateTimeOffset? WaitingSince { get; init; }
    public long? CoachRelationshipId { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? PracticeSignedOffAt { get; init; }
    public string TakingPartAs { get; init; } = ProgrammeVocabulary.PatientLeader;
    public string Organisation { get; init; } = "";

    /// <summary>The applicant as someone a programme mail goes to.</summary>
    public ProgrammePerson Person => new() { Id = MemberId, Email = Email, DisplayName = DisplayName, Handle = Handle, Language = Language };
}

public sealed record MyApplication
{
    public long Id { get; init; }
    public long CohortId { get; init; }
    public string CohortTitle { get; init; } = "";
    public string ProgrammeTitle { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset? StartsAt { get; init; }
    public string TimeZone { get; init; } = "";
    public DateTimeOffset? OfferExpiresAt { get; init; }
    public string? DecisionMessage { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public long? SetId { get; init; }
}

/// <summary>Someone a programme mail goes to, with their saved language.</summary>
public sealed record ProgrammePerson
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Handle { get; init; } = "";
    public string? Language { get; init; }
}

public sealed record NewProgramme(string Title, string Kind, string Summary, string Aims, string WhoFor, bool IsPublished, int MinSessions, int MinCoachingCalls);

public sealed record CertificateView
{
    public string Code { get; init; } = "";
    public long ApplicationId { get; init; }
    public long MemberId { get; init; }
    public string ProgrammeTitle { get; init; } = "";
    public string CohortTitle { get; init; } = "";
    public string IssuedName { get; init; } = "";
    public DateTimeOffset IssuedAt { get; init; }
    public bool IsPublic { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedReason { get; init; }

    /// <summary>The certificate that replaced this one when it was reissued.</summary>
    public string? ReplacedBy { get; init; }
}

public sealed record NewSession(string Kind, string Title, DateTimeOffset StartsAt, int DurationMinutes);

public sealed record NewCohort(long ProgrammeId, string Title, string Mode, string Venue, int Places, string PartnerName, string TimeZone,
    IReadOnlyList<long> FacilitatorIds, IReadOnlyList<NewSession> Sessions, bool RunAbroad = false, bool ReservedForPartner = false);

public sealed record MaterialView
{
    public long Id { get; init; }
    public long CohortId { get; init; }
    public long? SessionId { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string? FileId { get; init; }
    public DateTimeOffset VisibleFrom { get; init; }
    public string? FileName { get; init; }
    public long? FileSize { get; init; }
    public string? FileKind { get; init; }
}

public sealed record GoalCounts
{
    public int ProgrammesUk { get; init; }
    public int ProgrammesAbroad { get; init; }
    public int TrainedToDeliver { get; init; }
    public int OnlineLearners { get; init; }
}
