namespace PatientLeaders.Community.Web.Features.Mentoring;

public sealed record MentorOffer
{
    public long MemberId { get; init; }
    public string Summary { get; init; } = "";
    public string FocusAreas { get; init; } = "";
    public string Themes { get; init; } = "";
    public DateTimeOffset? ThemesConsentAt { get; init; }
    public string Languages { get; init; } = "";
    public string Region { get; init; } = "";
    public string Formats { get; init; } = MentoringVocabulary.Telephone;
    public string Paces { get; init; } = "";
    public string Availability { get; init; } = "";
    public int Capacity { get; init; } = 1;
    public int ActiveCount { get; init; }
    public bool IsPaused { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record OfferEdit(string Summary, IReadOnlyList<string> FocusAreas, IReadOnlyList<string> Themes, bool ThemesConsent,
    string Languages, string Region, IReadOnlyList<string> Formats, IReadOnlyList<string> Paces, string Availability, int Capacity, bool IsPaused);

public sealed record CandidateRow
{
    public long MentorId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Handle { get; init; } = "";
    public string Summary { get; init; } = "";
    public string FocusAreas { get; init; } = "";
    public string Themes { get; init; } = "";
    public DateTimeOffset? ThemesConsentAt { get; init; }
    public string Languages { get; init; } = "";
    public string Region { get; init; } = "";
    public string Formats { get; init; } = "";
    public string Paces { get; init; } = "";
    public string Availability { get; init; } = "";
    public int Capacity { get; init; }
    public int ActiveCount { get; init; }
    public bool IsPaused { get; init; }
    public int PendingCount { get; init; }
    public DateTimeOffset? AccreditedUntil { get; init; }
}

public sealed record Accreditation
{
    public long Id { get; init; }
    public long MemberId { get; init; }
    public string Kind { get; init; } = "";
    public DateTimeOffset GainedOn { get; init; }
    public DateTimeOffset ExpiresOn { get; init; }
    public DateTimeOffset? ExpiryNoticeSentAt { get; init; }
    public string MentorName { get; init; } = "";
}

public sealed record PersonRow
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Handle { get; init; } = "";
}

public sealed record RequestEdit(string Goals, IReadOnlyList<string> FocusAreas, IReadOnlyList<string> Themes, IReadOnlyList<string> PrivateThemes,
    bool ThemesConsent, string Language, bool LanguageRequired, string Format, bool FormatRequired, string Region, string Pace);

public sealed record MentoringRequest
{
    public long Id { get; init; }
    public long MenteeId { get; init; }
    public string MenteeName { get; init; } = "";
    public string MenteeHandle { get; init; } = "";
    public string Goals { get; init; } = "";
    public string FocusAreas { get; init; } = "";
    public string Themes { get; init; } = "";
    public string PrivateThemes { get; init; } = "";
    public string Language { get; init; } = "";
    public bool LanguageRequired { get; init; }
    public string Format { get; init; } = MentoringVocabulary.Telephone;
    public bool FormatRequired { get; init; }
    public string Region { get; init; } = "";
    public string Pace { get; init; } = "";
    public bool AskAllAtOnce { get; init; }
    public string Status { get; init; } = RequestStatus.Choosing;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? MatchedAt { get; init; }
    /// <summary>A coordinator's kind words to the mentee when they closed the request; shown on the mentee's request page only.</summary>
    public string? ClosedMessage { get; init; }
    public IReadOnlyList<RequestChoice> Choices { get; set; } = [];
}

public sealed record RequestChoice
{
    public long Id { get; init; }
    public long RequestId { get; init; }
    public long MentorId { get; init; }
    public string MentorName { get; init; } = "";
    public string MentorHandle { get; init; } = "";
    public int ChoiceOrder { get; init; }
    public string Status { get; init; } = ChoiceStatus.Queued;
    public bool SuggestedByCoordinator { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? RemindedAt { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
    public string? DeclineMessage { get; init; }
    public long MenteeId { get; init; }
    public string MenteeName { get; init; } = "";
}

public sealed record Relationship
{
    public long Id { get; init; }
    public long? RequestId { get; init; }
    public long MentorId { get; init; }
    public string MentorName { get; init; } = "";
    public string MentorHandle { get; init; } = "";
    public long MenteeId { get; init; }
    public string MenteeName { get; init; } = "";
    public string MenteeHandle { get; init; } = "";
    public string Status { get; init; } = RelationshipStatus.Active;
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? AgreedEndOn { get; init; }
    public DateTimeOffset? FirstSessionAt { get; init; }
    public DateTimeOffset? LastSessionAt { get; init; }
    public DateTimeOffset? ClosingSuggestedAt { get; init; }
    public string? MentorFit { get; init; }
    public string? MenteeFit { get; init; }
    public DateTimeOffset? FitConcernHandledAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? EndedBy { get; init; }
    public string? EndReason { get; init; }
    public string? MentorFeedback { get; init; }
    public string? MenteeFeedback { get; init; }

    public bool IsMentor(long memberId) => MentorId == memberId;

    public string OtherName(long memberId) => IsMentor(memberId) ? MenteeName : MentorName;

    public long OtherId(long memberId) => IsMentor(memberId) ? MenteeId : MentorId;

    public string? FitAnswerOf(long memberId) => IsMentor(memberId) ? MentorFit : MenteeFit;

    public string? FeedbackOf(long memberId) => IsMentor(memberId) ? MentorFeedback : MenteeFeedback;

    public bool HasFitConcern => MentorFit == "NotAFit" || MenteeFit == "NotAFit";
}

public sealed record Goal
{
    public long Id { get; init; }
    public long RelationshipId { get; init; }
    public string Title { get; init; } = "";
    public string Progress { get; init; } = "NotStarted";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record SessionLogEntry
{
    public long Id { get; init; }
    public long RelationshipId { get; init; }
    public DateTimeOffset HeldOn { get; init; }
    public string Format { get; init; } = MentoringVocabulary.Telephone;
    public int DurationMinutes { get; init; }
    public long LoggedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<SessionNote> Notes { get; set; } = [];
}

public sealed record SessionNote
{
    public long Id { get; init; }
    public long SessionId { get; init; }
    public long AuthorId { get; init; }
    public string Body { get; init; } = "";
    public bool IsShared { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record SessionEdit(DateOnly HeldOn, string Format, int DurationMinutes, string? Note, bool ShareNote);

public sealed record PairMessage
{
    public long Id { get; init; }
    public long RelationshipId { get; init; }
    public long SenderId { get; init; }
    public long Seq { get; init; }
    public string ClientMessageId { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTimeOffset SentAt { get; init; }
}

/// <summary>What a mentor's answer led to, for the message shown and the mail sent.</summary>
public enum ResponseResult
{
    Accepted,
    Declined,
    NoRoom,
    NoLongerOpen,
    NotFound,
}

/// <summary>Where a request went after a mentor could not take it.</summary>
public sealed record HandOn(string Status, string? NextMentorName);
