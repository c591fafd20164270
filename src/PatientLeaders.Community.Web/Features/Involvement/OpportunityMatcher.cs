using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Web.Features.Involvement;

/// <summary>One reason an opportunity suits a leader: a sentence key of the site's resources and the labels it names.</summary>
public sealed record MatchReason(string Key, IReadOnlyList<string> Labels);

public sealed record OpportunityMatch(int Score, IReadOnlyList<MatchReason> Reasons, bool CountsPrivateTheme);

/// <summary>
/// The mentoring network's explainable scoring (<see cref="MentorMatcher"/>) turned on opportunities: fixed points per
/// overlap, capped, normalised to 0–100 against what this opportunity could score. Every reason is built only from
/// what the leader put in their pool profile for matching; a lived-experience theme they kept private adds to the
/// score and is never named.
/// </summary>
public static class OpportunityMatcher
{
    public const int KindPoints = MentorMatcher.PerFocusArea;
    public const int PlacePoints = MentorMatcher.FormatPoints;
    public const int InPersonRegionPoints = MentorMatcher.InPersonRegionPoints;
    public const int RegionPoints = MentorMatcher.RegionPoints;

    public const string KindReason = "You would like {0}";
    public const string ThemeReason = "They are looking for lived experience you share: {0}";
    public const string PlaceReason = "You can take part this way: {0}";
    public const string RegionReason = "It is in your region: {0}";

    /// <summary>
    /// Open opportunities for a leader, best match first (then closing soonest): never those of the leader's own
    /// organisations, whose contacts are not matched to their own work. With <paramref name="take"/>, only that many,
    /// and only they get their reasons written (the member's home shows three of forty).
    /// </summary>
    public static IReadOnlyList<(OpportunityView Opportunity, OpportunityMatch Match)> Rank(PoolProfile leader, IEnumerable<OpportunityView> open,
        IReadOnlyCollection<long> ownOrganisations, int? take = null)
    {
        var interests = Interests.Of(leader);
        var ranked = new List<(OpportunityView Opportunity, OpportunityMatch Match)>();
        foreach (var opportunity in open)
        {
            if (!ownOrganisations.Contains(opportunity.OrganisationId))
            {
                ranked.Add((opportunity, Score(interests, leader, opportunity, withReasons: take is null)));
            }
        }
        ranked.Sort(static (a, b) => a.Match.Score != b.Match.Score ? b.Match.Score.CompareTo(a.Match.Score)
            : a.Opportunity.ClosesOn != b.Opportunity.ClosesOn ? a.Opportunity.ClosesOn.CompareTo(b.Opportunity.ClosesOn)
            : a.Opportunity.Id.CompareTo(b.Opportunity.Id));
        if (take is { } count && ranked.Count > count)
        {
            ranked.RemoveRange(count, ranked.Count - count);
        }
        return take is null ? ranked : ranked.ConvertAll(i => (i.Opportunity, Score(interests, leader, i.Opportunity, withReasons: true)));
    }

    public static OpportunityMatch Score(PoolProfile leader, OpportunityView opportunity) => Score(Interests.Of(leader), leader, opportunity, withReasons: true);

    /// <summary>A leader's kinds of work and themes, read from their profile once for all the opportunities ranked.</summary>
    private sealed record Interests(HashSet<string> Kinds, HashSet<string> Themes, HashSet<string> PrivateThemes)
    {
        public static Interests Of(PoolProfile leader) =>
            new([.. leader.KindList], [.. leader.ThemeList], [.. leader.PrivateThemeList]);
    }

    /// <param name="withReasons">False to score alone: the reasons' labels are most of the work.</param>
    private static OpportunityMatch Score(Interests interests, PoolProfile leader, OpportunityView opportunity, bool withReasons)
    {
        var reasons = withReasons ? new List<MatchReason>() : null;
        var points = 0;
        var max = KindPoints;
        if (interests.Kinds.Contains(opportunity.Kind))
        {
            points += KindPoints;
            reasons?.Add(new(KindReason, [InvolvementVocabulary.Kinds.Label(opportunity.Kind)]));
        }

        // Every theme sought that the leader shares counts; only those they did not keep private are named.
        var sought = opportunity.ThemeList;
        var shared = 0;
        var nameable = new List<string>();
        foreach (var theme in sought)
        {
            if (interests.Themes.Contains(theme))
            {
                shared++;
                nameable.Add(theme);
            }
            else if (interests.PrivateThemes.Contains(theme))
            {
                shared++;
            }
        }
        max += MentorMatcher.PerTheme * Math.Min(MentorMatcher.MaxOverlapsCounted, sought.Count);
        points += MentorMatcher.PerTheme * Math.Min(MentorMatcher.MaxOverlapsCounted, shared);
        if (nameable.Count > 0)
        {
            reasons?.Add(new(ThemeReason, nameable.ConvertAll(MentoringVocabulary.Themes.Label)));
        }

        var inPerson = opportunity.Place == InvolvementVocabulary.InPerson;
        max += PlacePoints;
        if (opportunity.Place == InvolvementVocabulary.Remote && leader.Remote || opportunity.Place == InvolvementVocabulary.Telephone && leader.Telephone
            || inPerson && leader.Region.Length > 0 && leader.Region == opportunity.Region)
        {
            points += PlacePoints;
            reasons?.Add(new(PlaceReason, [InvolvementVocabulary.Places.Label(opportunity.Place)]));
        }
        if (opportunity.Region.Length > 0)
        {
            max += inPerson ? InPersonRegionPoints : RegionPoints;
            if (leader.Region == opportunity.Region)
            {
                points += inPerson ? InPersonRegionPoints : RegionPoints;
                reasons?.Add(new(RegionReason, [MentoringVocabulary.Regions.Label(opportunity.Region)]));
            }
        }
        var score = (int)Math.Round(100.0 * points / max, MidpointRounding.AwayFromZero);
        return new OpportunityMatch(score, reasons ?? [], shared > nameable.Count);
    }
}
