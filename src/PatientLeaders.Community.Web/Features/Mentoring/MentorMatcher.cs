using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>
/// Pair scores: hard filters, then fixed points per overlapping answer, normalised against the most this request could
/// score (Together's 5/3/1 model). Shared lived-experience themes and focus areas weigh most: deep-level similarity
/// predicts perceived support best (Eby et al. 2013). Pure, so the same scores drive suggestions and cohort matching.
/// </summary>
public static class MentorMatcher
{
    public const int PerFocusArea = 5;
    public const int PerTheme = 5;
    public const int FormatPoints = 3;
    public const int LanguagePoints = 3;
    public const int RegionPoints = 1;
    public const int InPersonRegionPoints = 3;
    public const int PacePoints = 1;

    /// <summary>Overlaps beyond this many per list add nothing, so one long list cannot swamp the rest.</summary>
    public const int MaxOverlapsCounted = 3;

    /// <summary>Why a mentor is left out, or null when they may be suggested.</summary>
    public static string? Exclusion(MenteePreferences mentee, MentorCandidate mentor)
    {
        if (mentor.MentorId == mentee.MenteeId || mentee.ExcludedMentors.Contains(mentor.MentorId))
        {
            return "already asked";
        }
        if (mentor.IsPaused)
        {
            return "not taking mentees now";
        }
        if (!mentor.IsAccredited)
        {
            return "no current accreditation";
        }
        if (mentor.RemainingCapacity <= 0)
        {
            return "no room";
        }
        if (mentee.FormatRequired && !mentor.Formats.Contains(mentee.Format))
        {
            return "does not offer the format you need";
        }
        if (mentee.LanguageRequired && mentee.Language.Length > 0 && !Speaks(mentor, mentee.Language))
        {
            return "does not speak the language you need";
        }
        return null;
    }

    public static MentorMatch Score(MenteePreferences mentee, MentorCandidate mentor)
    {
        var reasons = new List<MatchReason>();
        var points = 0;
        var max = 0;

        var focus = mentee.FocusAreas.Where(mentor.FocusAreas.Contains).ToList();
        max += PerFocusArea * Math.Min(MaxOverlapsCounted, mentee.FocusAreas.Count);
        points += PerFocusArea * Math.Min(MaxOverlapsCounted, focus.Count);
        if (focus.Count > 0)
        {
            reasons.Add(new MatchReason("you both chose {0}", [.. focus.Select(MentoringVocabulary.FocusAreas.Phrase)]));
        }

        var allThemes = mentee.Themes.Concat(mentee.PrivateThemes).Distinct().ToList();
        var sharedThemes = allThemes.Where(mentor.Themes.Contains).ToList();
        max += PerTheme * Math.Min(MaxOverlapsCounted, allThemes.Count);
        points += PerTheme * Math.Min(MaxOverlapsCounted, sharedThemes.Count);
        // Only themes the mentee chose to show may be named; private ones count silently.
        var publishable = sharedThemes.Where(mentee.Themes.Contains).ToList();
        if (publishable.Count > 0)
        {
            reasons.Add(new MatchReason("shares lived experience of {0}", [.. publishable.Select(MentoringVocabulary.Themes.Phrase)]));
        }
        var countsPrivate = sharedThemes.Any(t => !mentee.Themes.Contains(t));

        if (mentee.Format.Length > 0)
        {
            max += FormatPoints;
            if (mentor.Formats.Contains(mentee.Format))
            {
                points += FormatPoints;
                reasons.Add(new MatchReason("{0}", [MentoringVocabulary.Formats.Phrase(mentee.Format)]));
            }
        }
        if (mentee.Language.Length > 0)
        {
            max += LanguagePoints;
            if (Speaks(mentor, mentee.Language))
            {
                points += LanguagePoints;
                // The language is as the mentor typed it: their words, not the site's.
                reasons.Add(new MatchReason("speaks {0}", [mentor.Languages.First(l => SameLanguage(l, mentee.Language))], Typed: true));
            }
        }
        if (mentee.Region.Length > 0)
        {
            var regionPoints = mentee.Format == "InPerson" ? InPersonRegionPoints : RegionPoints;
            max += regionPoints;
            if (mentor.Region == mentee.Region)
            {
                points += regionPoints;
                reasons.Add(new MatchReason("also in {0}", [MentoringVocabulary.Regions.Phrase(mentee.Region)]));
            }
        }
        if (mentee.Pace.Length > 0)
        {
            max += PacePoints;
            if (mentor.Paces.Contains(mentee.Pace))
            {
                points += PacePoints;
                reasons.Add(new MatchReason("can meet {0}", [MentoringVocabulary.Paces.Phrase(mentee.Pace)]));
            }
        }
        var score = max == 0 ? 0 : (int)Math.Round(100.0 * points / max, MidpointRounding.AwayFromZero);
        return new MentorMatch(mentor, points, max, score, reasons, countsPrivate);
    }

    /// <summary>The short ranked list: eligible mentors by score, then most room (spreads the load), then id (stable).</summary>
    public static IReadOnlyList<MentorMatch> Suggest(MenteePreferences mentee, IEnumerable<MentorCandidate> mentors, int take) =>
        mentors.Where(m => Exclusion(mentee, m) is null)
            .Select(m => Score(mentee, m))
            .OrderByDescending(m => m.Score).ThenByDescending(m => m.Mentor.RemainingCapacity).ThenBy(m => m.Mentor.MentorId)
            .Take(take)
            .ToList();

    /// <summary>
    /// The reasons as one sentence in the reader's language (<paramref name="t"/>), or in English without one. Each part
    /// is a resource ("match: …", "match phrase: …"), so the sentence is whole in every language.
    /// </summary>
    public static string Sentence(IReadOnlyList<MatchReason> reasons, IStringLocalizer? t = null)
    {
        var text = string.Join("; ", reasons.Select(r => r.Say(t)));
        var culture = t is null ? CultureInfo.InvariantCulture : CultureInfo.CurrentCulture;
        return char.ToUpper(text[0], culture) + text[1..];
    }

    internal static string List(IReadOnlyList<string> list, IStringLocalizer? t)
    {
        if (list.Count <= 1)
        {
            return string.Concat(list);
        }
        var and = t is null ? "{0} and {1}" : t["match: {0} and {1}"].Value;
        return string.Format(CultureInfo.CurrentCulture, and, string.Join(", ", list.Take(list.Count - 1)), list[^1]);
    }

    private static bool Speaks(MentorCandidate mentor, string language) => mentor.Languages.Any(l => SameLanguage(l, language));

    private static bool SameLanguage(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
