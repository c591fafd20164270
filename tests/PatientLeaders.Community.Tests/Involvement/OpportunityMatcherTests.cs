using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Involvement.Work;

namespace PatientLeaders.Community.Tests.Involvement;

public sealed class OpportunityMatcherTests
{
    private static readonly OpportunityView Redesign = new()
    {
        Kind = "ServiceRedesign", Themes = "LongTermCondition,MentalHealth", Place = InvolvementVocabulary.Remote, Region = "Wales",
    };

    [Test]
    public void APrivateTheme_CountsTowardsTheScore_AndIsNeverNamed()
    {
        var open = new PoolProfile { Kinds = "ServiceRedesign", Themes = "LongTermCondition,MentalHealth", Remote = true, Region = "Wales" };
        var kept = open with { Themes = "LongTermCondition", PrivateThemes = "MentalHealth" };
        var none = open with { Themes = "LongTermCondition", PrivateThemes = "" };

        var openMatch = OpportunityMatcher.Score(open, Redesign);
        var keptMatch = OpportunityMatcher.Score(kept, Redesign);
        Assert.That(keptMatch.Score, Is.EqualTo(openMatch.Score), "a private theme counts like a published one");
        Assert.That(keptMatch.Score, Is.GreaterThan(OpportunityMatcher.Score(none, Redesign).Score));
        Assert.That(keptMatch.CountsPrivateTheme, Is.True);
        var words = string.Join(" ", keptMatch.Reasons.SelectMany(r => r.Labels.Append(r.Key)));
        Assert.That(words, Does.Contain("Living with a long-term condition").And.Not.Contain("Mental health"));
        Assert.That(string.Join(" ", openMatch.Reasons.SelectMany(r => r.Labels)), Does.Contain("Mental health"), "named when the leader published it");
    }

    [Test]
    public void EveryReason_ComesFromWhatBothSidesGave()
    {
        var leader = new PoolProfile { Kinds = "ServiceRedesign", Remote = true, Region = "Wales" };
        var match = OpportunityMatcher.Score(leader, Redesign);
        Assert.That(match.Reasons.Select(r => r.Key), Is.EqualTo(new[] { OpportunityMatcher.KindReason, OpportunityMatcher.PlaceReason, OpportunityMatcher.RegionReason }));
        Assert.That(match.Reasons.SelectMany(r => r.Labels), Is.EqualTo(new[] { "Service redesign", "Online", "Wales" }));

        var stranger = new PoolProfile { Kinds = "Boards", Telephone = true, Region = "London" };
        var nothing = OpportunityMatcher.Score(stranger, Redesign);
        Assert.That(nothing.Reasons, Is.Empty);
        Assert.That(nothing.Score, Is.Zero);
        Assert.That(match.Score, Is.InRange(1, 100));
    }

    [Test]
    public void RankingAFew_GivesTheFirstOfTheFullRanking_WithTheSameReasons()
    {
        string[] kinds = ["ServiceRedesign", "Boards", "Research"];
        string[] themes = ["LongTermCondition", "MentalHealth", "LongTermCondition,MentalHealth", ""];
        string[] regions = ["Wales", "London", ""];
        var open = Enumerable.Range(1, 36).Select(i => Redesign with
        {
            Id = i, OrganisationId = i % 4, Kind = kinds[i % 3], Themes = themes[i % 4], Region = regions[i % 3],
            Place = i % 2 == 0 ? InvolvementVocabulary.Remote : InvolvementVocabulary.InPerson,
            ClosesOn = new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(i % 5),
        }).ToList();
        var leader = new PoolProfile { Kinds = "ServiceRedesign,Research", Themes = "LongTermCondition", PrivateThemes = "MentalHealth", Remote = true, Region = "Wales" };

        var all = OpportunityMatcher.Rank(leader, open, [3L]);
        var few = OpportunityMatcher.Rank(leader, open, [3L], take: 5);
        Assert.That(few, Has.Count.EqualTo(5));
        Assert.That(all.Select(r => r.Match.Score).Distinct().Count(), Is.GreaterThan(2), "a ranking with something to order");
        Assert.That(few.Select(r => r.Opportunity.Id), Is.EqualTo(all.Take(5).Select(r => r.Opportunity.Id)));
        for (var i = 0; i < few.Count; i++)
        {
            Assert.That(few[i].Match.Score, Is.EqualTo(all[i].Match.Score));
            Assert.That(few[i].Match.CountsPrivateTheme, Is.EqualTo(all[i].Match.CountsPrivateTheme));
            Assert.That(few[i].Match.Reasons.Select(r => r.Key + ": " + string.Join(", ", r.Labels)),
                Is.EqualTo(all[i].Match.Reasons.Select(r => r.Key + ": " + string.Join(", ", r.Labels))));
            Assert.That(few[i].Match.Reasons, Is.Not.Empty, "the few shown keep their reasons");
        }
        Assert.That(all.Select(r => r.Opportunity.OrganisationId), Has.None.EqualTo(3L), "never the leader's own organisation's");
    }

    [Test]
    public void InPersonWork_WeighsTheRegionMore()
    {
        var remote = Redesign with { Themes = "" };
        var inPerson = remote with { Place = InvolvementVocabulary.InPerson };
        var wales = new PoolProfile { Kinds = "Boards", Region = "Wales", Remote = true };
        var london = wales with { Region = "London" };
        var remoteGap = OpportunityMatcher.Score(wales, remote).Score - OpportunityMatcher.Score(london, remote).Score;
        var inPersonGap = OpportunityMatcher.Score(wales, inPerson).Score - OpportunityMatcher.Score(london, inPerson).Score;
        Assert.That(remoteGap, Is.GreaterThan(0));
        Assert.That(inPersonGap, Is.GreaterThan(remoteGap * 3), "living nearby matters far more when the work is in person");
    }

    [TestCase("2026-04-05", 2025)]
    [TestCase("2026-04-06", 2026)]
    [TestCase("2027-01-01", 2026)]
    [TestCase("2027-04-05", 2026)]
    public void TheTaxYear_TurnsOnTheSixthOfApril(string day, int year) =>
        Assert.That(TaxYear.Of(DateTimeOffset.Parse(day + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(year));

    [Test]
    public void Fairness_SaysHowMuchTheBusiestFifthDid()
    {
        var even = PoolOverview.Compute([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
        Assert.That(even.BusiestFifthShare, Is.EqualTo(0.2).Within(0.001));
        Assert.That((even.PoolMembers, even.WithNone, even.WithOne, even.WithMore), Is.EqualTo((12, 2, 10, 0)));
        var skewed = PoolOverview.Compute([16, 1, 1, 1, 1]);
        Assert.That(skewed.BusiestFifthShare, Is.EqualTo(0.8).Within(0.001));
        Assert.That(PoolOverview.Compute([3, 1]).BusiestFifthShare, Is.Null, "too few to say");
    }

    [TestCase("12.50", 1250)]
    [TestCase("12,50", 1250)]
    [TestCase("£7", 700)]
    [TestCase("0", 0)]
    public void Money_ReadsPoundsTheSameInEveryLanguage(string text, int pence)
    {
        Assert.That(Money.TryParsePounds(text, 1000, out var read), Is.True);
        Assert.That(read, Is.EqualTo(pence));
    }

    [TestCase("")]
    [TestCase("12.505")]
    [TestCase("1.2.3")]
    [TestCase("-4")]
    [TestCase("1001")]
    [TestCase("ten")]
    public void Money_RefusesWhatIsNotAnAmount(string text) => Assert.That(Money.TryParsePounds(text, 1000, out _), Is.False);
}
