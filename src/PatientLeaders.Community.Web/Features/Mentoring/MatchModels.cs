using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>A mentor as matching sees them: only what they published in their offer, plus their load.</summary>
public sealed record MentorCandidate
{
    public long MentorId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Handle { get; init; } = "";
    public string Summary { get; init; } = "";
    public IReadOnlyList<string> FocusAreas { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public string Region { get; init; } = "";
    public IReadOnlyList<string> Formats { get; init; } = [];
    public IReadOnlyList<string> Paces { get; init; } = [];
    public string Availability { get; init; } = "";
    public int Capacity { get; init; }
    public int ActiveCount { get; init; }

    /// <summary>Requests with this mentor now: a mentor is not offered to more people than they have room for.</summary>
    public int PendingCount { get; init; }
    public bool IsPaused { get; init; }
    public bool IsAccredited { get; init; }

    public int RemainingCapacity => Math.Max(0, Capacity - ActiveCount - PendingCount);

    /// <summary>Taking mentees now, with a place free.</summary>
    public bool HasRoom => !IsPaused && RemainingCapacity > 0;
}

/// <summary>What a mentee asked for. PrivateThemes count towards the score and never appear in an explanation.</summary>
public sealed record MenteePreferences
{
    public long MenteeId { get; init; }
    public IReadOnlyList<string> FocusAreas { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> PrivateThemes { get; init; } = [];
    public string Language { get; init; } = "";
    public bool LanguageRequired { get; init; }
    public string Format { get; init; } = MentoringVocabulary.Telephone;
    public bool FormatRequired { get; init; }
    public string Region { get; init; } = "";
    public string Pace { get; init; } = "";

    /// <summary>Mentors this mentee must not be offered again: already asked on this request, or already their mentor.</summary>
    public IReadOnlySet<long> ExcludedMentors { get; init; } = new HashSet<long>();
}

/// <summary>A scored pair: the points, the 0–100 score, and reasons built only from what both published.</summary>
public sealed record MentorMatch(MentorCandidate Mentor, int Points, int MaxPoints, int Score, IReadOnlyList<MatchReason> Because, bool CountsPrivateTheme)
{
    /// <summary>The reasons in English (what matching tests read).</summary>
    public IReadOnlyList<string> Reasons => [.. Because.Select(r => r.Say(null))];

    /// <summary>The explanation in English.</summary>
    public string Explanation => Explain(null);

    /// <summary>The explanation in the reader's language, through the site's resources.</summary>
    public string Explain(IStringLocalizer? t) => Because.Count == 0
        ? t?["Has room for a new mentee"].Value ?? "Has room for a new mentee"
        : MentorMatcher.Sentence(Because, t);
}

/// <summary>
/// One reason two people were matched: a sentence with a blank ("you both chose {0}") and the English phrases that fill
/// it, from the vocabularies (or, when <paramref name="Typed"/>, words a member typed, shown as written).
/// </summary>
public sealed record MatchReason(string Template, IReadOnlyList<string> Phrases, bool Typed = false)
{
    public string Say(IStringLocalizer? t)
    {
        var phrases = Typed || t is null ? Phrases : [.. Phrases.Select(p => t["match phrase: " + p].Value)];
        var template = t is null ? Template : t["match: " + Template].Value;
        return string.Format(System.Globalization.CultureInfo.CurrentCulture, template, MentorMatcher.List(phrases, t));
    }
}
