namespace PatientLeaders.Community.Web.Features.Programmes;

/// <summary>
/// The fixed codes programmes use, stored as text. Their labels are resource keys, so each page shows them in the
/// reader's language (T[ProgrammeVocabulary.KindLabel(kind)]).
/// </summary>
public static class ProgrammeVocabulary
{
    public static readonly IReadOnlyList<(string Code, string Label)> Kinds =
    [
        ("Leadership", "Leadership programme"),
        ("TrainTheFacilitator", "Train the facilitator"),
        ("CoachMentor", "Coach and mentor training"),
        ("Partnership", "Partnership programme"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Modes =
    [
        ("Online", "Online"),
        ("InPerson", "In person"),
        ("Both", "Online and in person"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> SessionKinds =
    [
        ("Workshop", "Skills workshop"),
        ("ActionLearning", "Action learning meeting"),
        ("Coaching", "Coaching call"),
    ];

    public const string ActionLearning = "ActionLearning";

    public const string Partnership = "Partnership";

    public const string PatientLeader = Profiles.MemberTypes.PatientLeader;
    public const string Clinician = Profiles.MemberTypes.Clinician;
    public const string Manager = Profiles.MemberTypes.Manager;

    /// <summary>How someone takes part in a partnership programme (the member types); a trio has one of each.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> TakingPartAs = Profiles.MemberTypes.All;

    public static bool IsTakingPartAs(string? code) => Profiles.MemberTypes.IsKnown(code);

    public static string TakingPartAsLabel(string code) => Profiles.MemberTypes.Label(code);

    public static bool IsKind(string? code) => Kinds.Any(k => k.Code == code);

    public static bool IsMode(string? code) => Modes.Any(k => k.Code == code);

    public static bool IsSessionKind(string? code) => SessionKinds.Any(k => k.Code == code);

    public static string KindLabel(string code) => Kinds.FirstOrDefault(k => k.Code == code).Label ?? code;

    public static string ModeLabel(string code) => Modes.FirstOrDefault(k => k.Code == code).Label ?? code;

    public static string SessionKindLabel(string code) => SessionKinds.FirstOrDefault(k => k.Code == code).Label ?? code;

    /// <summary>A session's own title, or the name of its kind in the reader's language.</summary>
    public static string DisplayTitle(this SessionView session, Microsoft.Extensions.Localization.IStringLocalizer localizer) =>
        session.Title.Length > 0 ? session.Title : localizer[SessionKindLabel(session.Kind)];
}

/// <summary>Where an application stands.</summary>
public static class ApplicationStatus
{
    public const string Submitted = "Submitted";
    public const string Offered = "Offered";
    public const string Accepted = "Accepted";
    public const string Waiting = "Waiting";
    public const string Declined = "Declined";
    public const string Withdrawn = "Withdrawn";
    public const string Lapsed = "Lapsed";

    /// <summary>Statuses that hold a place.</summary>
    public static readonly IReadOnlyList<string> HoldingPlace = [Offered, Accepted];

    /// <summary>Statuses still waiting for an answer from the Centre.</summary>
    public static readonly IReadOnlyList<string> Open = [Submitted, Waiting];

    public static string Label(string status) => status switch
    {
        Submitted => "Waiting for a decision",
        Offered => "Place offered",
        Accepted => "Place taken",
        Waiting => "On the waiting list",
        Declined => "Not offered a place",
        Withdrawn => "Withdrawn",
        Lapsed => "Offer ended",
        _ => status,
    };
}
