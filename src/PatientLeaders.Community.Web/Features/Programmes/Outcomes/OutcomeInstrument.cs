namespace PatientLeaders.Community.Web.Features.Programmes.Outcomes;

/// <summary>
/// What is asked, and when. The General Self-Efficacy Scale (Schwarzer and Jerusalem, 1995) is free to use with
/// the source credited; its wording is never changed. Spanish has the authors' published version (Baessler and
/// Schwarzer, 1996), held in the Spanish resources. No Welsh version is confirmed, and translating a validated scale
/// ourselves would change what it measures, so Welsh readers see the English items, marked as English
/// (docs/localisation.md). The programme's own confidence items are unvalidated and labelled so.
/// </summary>
public static class OutcomeInstrument
{
    public const string Credit = "General Self-Efficacy Scale: Schwarzer, R., and Jerusalem, M. (1995).";

    public static readonly IReadOnlyList<string> GseItems =
    [
        "I can always manage to solve difficult problems if I try hard enough.",
        "If someone opposes me, I can find the means and ways to get what I want.",
        "It is easy for me to stick to my aims and accomplish my goals.",
        "I am confident that I could deal efficiently with unexpected events.",
        "Thanks to my resourcefulness, I know how to handle unforeseen situations.",
        "I can solve most problems if I invest the necessary effort.",
        "I can remain calm when facing difficulties because I can rely on my coping abilities.",
        "When I am confronted with a problem, I can usually find several solutions.",
        "If I am in trouble, I can usually think of a solution.",
        "I can usually handle whatever comes my way.",
    ];

    /// <summary>The scale's four answers, scored 1 to 4; the total runs from 10 to 40.</summary>
    public static readonly IReadOnlyList<string> GseAnswers = ["Not at all true", "Hardly true", "Moderately true", "Exactly true"];

    /// <summary>The confidence items' five answers, scored 1 to 5.</summary>
    public static readonly IReadOnlyList<string> AgreementAnswers = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

    /// <summary>The items a new programme starts with; coordinators add, reword and retire their own.</summary>
    public static readonly IReadOnlyList<string> DefaultConfidenceItems =
    [
        "I feel confident speaking up in meetings with health and care professionals.",
        "I know how decisions are made in the organisations I want to influence.",
        "I can use my lived experience to make a clear case for change.",
        "I feel able to challenge a decision respectfully.",
    ];

    public const string Start = "Start";
    public const string End = "End";
    public const string ThreeMonths = "ThreeMonths";
    public const string SixMonths = "SixMonths";

    public static readonly IReadOnlyList<(string Code, string Label)> Timepoints =
    [
        (Start, "At the start"),
        (End, "At the end"),
        (ThreeMonths, "Three months after"),
        (SixMonths, "Six months after"),
    ];

    public static bool IsTimepoint(string? code) => Timepoints.Any(t => t.Code == code);

    public static string TimepointLabel(string code) => Timepoints.FirstOrDefault(t => t.Code == code).Label ?? code;

    /// <summary>After the programme, what people have done since (Kirkpatrick level 3), asked at 3 and 6 months.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> FollowUps =
    [
        ("Board", "joined a board, committee or panel"),
        ("Project", "started or led an improvement project"),
        ("Spoke", "spoken at a meeting or event about my experience"),
        ("Involvement", "taken part in paid or voluntary involvement work"),
        ("Research", "been involved in research"),
        ("Mentored", "mentored or supported another patient leader"),
        ("Training", "trained to facilitate or coach"),
    ];

    public static bool AsksFollowUps(string timepoint) => timepoint is ThreeMonths or SixMonths;

    /// <summary>
    /// When each questionnaire becomes due: the start one as soon as the place is taken, the end one when the last
    /// session begins, and the others 3 and 6 months after the cohort ends.
    /// </summary>
    public static DateTimeOffset DueAt(string timepoint, DateTimeOffset acceptedAt, DateTimeOffset lastSessionStarts, DateTimeOffset cohortEnds) => timepoint switch
    {
        Start => acceptedAt,
        End => lastSessionStarts,
        ThreeMonths => cohortEnds.AddMonths(3),
        _ => cohortEnds.AddMonths(6),
    };
}
