using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Tests.Mentoring;

public sealed class MentorMatcherTests
{
    private static MentorCandidate Mentor(long id, Func<MentorCandidate, MentorCandidate>? change = null)
    {
        var mentor = new MentorCandidate
        {
            MentorId = id, DisplayName = "Mentor " + id, Capacity = 2, IsAccredited = true,
            Formats = [MentoringVocabulary.Telephone], Languages = ["English"],
        };
        return change is null ? mentor : change(mentor);
    }

    private static readonly MenteePreferences Mentee = new()
    {
        MenteeId = 100,
        FocusAreas = ["InfluencingCommissioners", "CoProduction"],
        Themes = ["MentalHealth"],
        PrivateThemes = ["Cancer"],
        Language = "Welsh",
        Format = MentoringVocabulary.Telephone,
        Region = "Wales",
        Pace = "Monthly",
    };

    [Test]
    public void Score_AllCriteriaShared_IsOneHundred_AndExplainsEachInPlainWords()
    {
        var mentor = Mentor(1, m => m with
        {
            FocusAreas = ["InfluencingCommissioners", "CoProduction"], Themes = ["MentalHealth", "Cancer"],
            Languages = ["English", "Welsh"], Region = "Wales", Paces = ["Monthly"],
        });
        var match = MentorMatcher.Score(Mentee, mentor);
        Assert.That(match.Score, Is.EqualTo(100));
        Assert.That(match.Explanation, Is.EqualTo(
            "You both chose influencing commissioners and co-production; shares lived experience of mental health; telephone; speaks Welsh; also in Wales; can meet once a month"));
    }

    [Test]
    public void Explanation_IsWholeInEachLanguage_WithTheMentorsTypedLanguageAsWritten()
    {
        var t = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(PatientLeaders.Community.Web.SharedResource));
        var match = MentorMatcher.Score(Mentee, Mentor(1, m => m with
        {
            FocusAreas = ["InfluencingCommissioners", "CoProduction"], Themes = ["MentalHealth"], Languages = ["Welsh"], Region = "Wales", Paces = ["Monthly"],
        }));
        Assert.That(SiteCultures.In("en-GB", () => match.Explain(t)), Is.EqualTo(match.Explanation));
        Assert.That(SiteCultures.In("cy-GB", () => match.Explain(t)), Is.EqualTo(
            "Mae'r ddau ohonoch wedi dewis: dylanwadu ar gomisiynwyr a cyd-gynhyrchu; yn rhannu profiad bywyd: iechyd meddwl; dros y ffôn; yn siarad Welsh; "
            + "yn yr un ardal: Cymru; yn gallu cwrdd unwaith y mis"));
        Assert.That(SiteCultures.In("es-ES", () => match.Explain(t)), Does.StartWith("Los dos han elegido influir en quienes planifican y contratan los servicios y la coproducción;"));
        var nothingShared = MentorMatcher.Score(new MenteePreferences { MenteeId = 2, Format = "" }, Mentor(2));
        Assert.That(SiteCultures.In("cy-GB", () => nothingShared.Explain(t)), Is.EqualTo("Mae ganddyn nhw le i fentorai newydd"));
    }

    [Test]
    public void Explanation_WithASharedPrivateTheme_CountsItButNeverNamesIt()
    {
        var onlyPrivate = Mentor(1, m => m with { Themes = ["Cancer"] });
        var none = Mentor(2);
        var match = MentorMatcher.Score(Mentee, onlyPrivate);
        Assert.That(match.Points, Is.GreaterThan(MentorMatcher.Score(Mentee, none).Points), "the private theme counts for matching");
        Assert.That(match.CountsPrivateTheme, Is.True);
        Assert.That(match.Explanation, Does.Not.Contain("ancer").And.Not.Contain("lived experience"));
        Assert.That(string.Join(" ", match.Reasons), Does.Not.Contain(MentoringVocabulary.Themes.Label("Cancer")).IgnoreCase);
    }

    [Test]
    public void Explanation_NeverNamesAThemeTheMentorDidNotPublish()
    {
        var mentor = Mentor(1, m => m with { Themes = [] });
        Assert.That(MentorMatcher.Score(Mentee, mentor).Explanation, Does.Not.Contain("mental health"));
    }

    [TestCase("paused")]
    [TestCase("full")]
    [TestCase("unaccredited")]
    [TestCase("pending fills it")]
    [TestCase("wrong required format")]
    [TestCase("wrong required language")]
    [TestCase("the mentee themself")]
    public void Suggest_NeverOffersAnExcludedMentor(string why)
    {
        var excluded = why switch
        {
            "paused" => Mentor(1, m => m with { IsPaused = true }),
            "full" => Mentor(1, m => m with { Capacity = 2, ActiveCount = 2 }),
            "unaccredited" => Mentor(1, m => m with { IsAccredited = false }),
            "pending fills it" => Mentor(1, m => m with { Capacity = 2, ActiveCount = 1, PendingCount = 1 }),
            "wrong required format" => Mentor(1, m => m with { Formats = ["Video"] }),
            "wrong required language" => Mentor(1, m => m with { Languages = ["English"] }),
            _ => Mentor(100),
        } with { FocusAreas = ["InfluencingCommissioners", "CoProduction"], Themes = ["MentalHealth"] };
        var mentee = Mentee with { FormatRequired = true, LanguageRequired = true };
        var suggestions = MentorMatcher.Suggest(mentee, [excluded, Mentor(2, m => m with { Languages = ["Welsh"] })], 5);
        Assert.That(suggestions.Select(s => s.Mentor.MentorId), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void Suggest_RanksByScore_ThenRoom_ThenId_AndTakesAFew()
    {
        var strong = Mentor(5, m => m with { FocusAreas = ["InfluencingCommissioners"] });
        var roomy = Mentor(4, m => m with { Capacity = 5 });
        var plain = Mentor(3);
        var plainToo = Mentor(2);
        var list = MentorMatcher.Suggest(Mentee, [plain, roomy, strong, plainToo], 3);
        Assert.That(list.Select(s => s.Mentor.MentorId), Is.EqualTo(new long[] { 5, 4, 2 }));
    }

    [Test]
    public void Score_TelephoneIsTheDefaultFormat_AndCountsWithoutAsking()
    {
        var mentee = new MenteePreferences { MenteeId = 9 };
        var match = MentorMatcher.Score(mentee, Mentor(1));
        Assert.That(match.Reasons, Is.EqualTo(new[] { "telephone" }));
        Assert.That(match.Score, Is.EqualTo(100));
    }

    [Test]
    public void Score_InPersonMakesRegionWeighMore()
    {
        var mentor = Mentor(1, m => m with { Region = "Wales", Formats = ["InPerson"] });
        var byPhone = MentorMatcher.Score(Mentee with { PrivateThemes = [] }, mentor);
        var inPerson = MentorMatcher.Score(Mentee with { PrivateThemes = [], Format = "InPerson" }, mentor);
        Assert.That(inPerson.Points - byPhone.Points, Is.EqualTo(MentorMatcher.InPersonRegionPoints + MentorMatcher.FormatPoints - MentorMatcher.RegionPoints));
    }
}
