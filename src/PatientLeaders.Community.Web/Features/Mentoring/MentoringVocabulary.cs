namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// The small fixed vocabularies that matching compares exactly. Codes are stored; labels and phrases may be reworded
/// freely. Adding an item is safe; removing one leaves its code ignored in old rows.
/// </summary>
public static class MentoringVocabulary
{
    public static readonly Vocabulary FocusAreas = new([
        new("InfluencingCommissioners", "Influencing commissioners"),
        new("CoProduction", "Co-production with services", "co-production"),
        new("BoardsAndCommittees", "Speaking at boards and committees"),
        new("Research", "Involvement in research"),
        new("Campaigning", "Campaigning and media"),
        new("PeerSupport", "Setting up peer support"),
        new("PaidRoles", "Moving into paid or governance roles"),
        new("Wellbeing", "Looking after yourself in the role"),
    ]);

    /// <summary>Lived-experience themes: special-category health data, shown only where the person chose to publish them.</summary>
    public static readonly Vocabulary Themes = new([
        new("MentalHealth", "Mental health"),
        new("LongTermCondition", "Living with a long-term condition"),
        new("PhysicalDisability", "Physical disability"),
        new("Neurodivergence", "Neurodivergence"),
        new("SensoryImpairment", "Sight or hearing loss"),
        new("LearningDisability", "Learning disability"),
        new("Cancer", "Cancer"),
        new("PainOrFatigue", "Chronic pain or fatigue"),
        new("RareCondition", "A rare condition"),
        new("Caring", "Being a carer"),
    ]);

    public const string Telephone = "Telephone";

    /// <summary>Telephone first: it is the default everywhere and needs no equipment or internet.</summary>
    public static readonly Vocabulary Formats = new([
        new(Telephone, "Telephone", "telephone"),
        new("Video", "Video call", "video calls"),
        new("InPerson", "In person", "meeting in person"),
        new("Text", "Text messages or email", "text or email"),
    ]);

    public static readonly Vocabulary Paces = new([
        new("Fortnightly", "Every two weeks", "every two weeks"),
        new("Monthly", "Once a month", "once a month"),
        new("Flexible", "When needed, flexibly", "flexibly, when needed"),
    ]);

    public static readonly Vocabulary Regions = new([
        new("NorthEastYorkshire", "North East and Yorkshire", "the North East and Yorkshire"),
        new("NorthWest", "North West England", "North West England"),
        new("Midlands", "Midlands", "the Midlands"),
        new("EastOfEngland", "East of England", "the East of England"),
        new("London", "London", "London"),
        new("SouthEast", "South East England", "South East England"),
        new("SouthWest", "South West England", "South West England"),
        new("Wales", "Wales", "Wales"),
        new("Scotland", "Scotland", "Scotland"),
        new("NorthernIreland", "Northern Ireland", "Northern Ireland"),
    ]);

    public static readonly Vocabulary AccreditationKinds = new([
        new("Coach", "Coach"),
        new("Mentor", "Mentor"),
        new("Facilitator", "Facilitator"),
    ]);

    /// <summary>A coach or mentor accreditation lets someone be suggested as a mentor; facilitation is for sets.</summary>
    public static readonly IReadOnlyList<string> MentoringAccreditations = ["Coach", "Mentor"];

    public static readonly Vocabulary GoalProgress = new([
        new("NotStarted", "Not started"),
        new("UnderWay", "Under way"),
        new("NearlyThere", "Nearly there"),
        new("Done", "Done"),
    ]);

    public static readonly Vocabulary FitAnswers = new([
        new("Good", "It is going well"),
        new("NotSure", "I am not sure yet"),
        new("NotAFit", "I do not think we are a good fit"),
    ]);

    public static readonly Vocabulary EndReasons = new([
        new("NotAFit", "We were not a good fit"),
        new("Health", "Health or other commitments"),
        new("GoalsChanged", "Goals changed or were met early"),
        new("LostContact", "We lost contact"),
        new("Other", "Another reason"),
    ]);

    /// <summary>Comma-separated free-text languages, matched ignoring case and spaces.</summary>
    public static IReadOnlyList<string> SplitLanguages(string? languages) =>
        (languages ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
