using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>CLDR plural forms and each culture's own formats, through the site's real resources.</summary>
public sealed class PluralAndFormatTests
{
    private const string Attempts = "There have been too many attempts in a short time. Please try again in {0} minutes.";

    [TestCase(0, "zero")]
    [TestCase(1, "one")]
    [TestCase(2, "two")]
    [TestCase(3, "few")]
    [TestCase(6, "many")]
    [TestCase(11, "other")]
    [TestCase(4, "other")]
    public void Welsh_HasSixForms(int n, string expected) =>
        Assert.That(Plurals.Category(CultureInfo.GetCultureInfo(SiteCultures.Welsh), n), Is.EqualTo(expected));

    [TestCase(SiteCultures.English, 0, "other")]
    [TestCase(SiteCultures.English, 1, "one")]
    [TestCase(SiteCultures.English, 2, "other")]
    [TestCase(SiteCultures.Spanish, 1, "one")]
    [TestCase(SiteCultures.Spanish, 2, "other")]
    [TestCase(SiteCultures.Spanish, 1_000_000, "many")]
    public void EnglishAndSpanish_Forms(string culture, int n, string expected) =>
        Assert.That(Plurals.Category(CultureInfo.GetCultureInfo(culture), n), Is.EqualTo(expected));

    [Test]
    public async Task Plural_PicksTheSentenceForTheNumber_InEachLanguage()
    {
        await using var app = await TestApp.CreateAsync();
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        string Say(string culture, long n) => SiteCultures.In(culture, () => localizer.Plural(n, Attempts));

        Assert.That(Say(SiteCultures.English, 1), Does.EndWith("in a minute."));
        Assert.That(Say(SiteCultures.English, 5), Does.EndWith("in 5 minutes."));
        Assert.That(Say(SiteCultures.Welsh, 0), Does.EndWith("ymhen 0 munud."));
        Assert.That(Say(SiteCultures.Welsh, 1), Does.EndWith("ymhen munud."));
        Assert.That(Say(SiteCultures.Welsh, 2), Does.EndWith("ymhen dau funud."));
        Assert.That(Say(SiteCultures.Welsh, 3), Does.EndWith("ymhen tri munud."));
        Assert.That(Say(SiteCultures.Welsh, 6), Does.EndWith("ymhen chwe munud."));
        Assert.That(Say(SiteCultures.Welsh, 11), Does.EndWith("ymhen 11 munud."));
        Assert.That(Say(SiteCultures.Spanish, 1), Does.EndWith("dentro de un minuto."));
        Assert.That(Say(SiteCultures.Spanish, 2), Does.EndWith("dentro de 2 minutos."));
        Assert.That(Say(SiteCultures.Spanish, 12_345), Does.EndWith("dentro de 12.345 minutos."));
    }

    [TestCase(SiteCultures.English, "Thursday 5 March 2026, 14:30", "12,345.6")]
    [TestCase(SiteCultures.Welsh, "Dydd Iau 5 Mawrth 2026, 14:30", "12,345.6")]
    [TestCase(SiteCultures.Spanish, "jueves 5 marzo 2026, 14:30", "12.345,6")]
    public void DatesTimesAndNumbers_UseEachCulturesFormats(string culture, string date, string number)
    {
        var when = new DateTime(2026, 3, 5, 14, 30, 0);
        SiteCultures.In(culture, () =>
        {
            Assert.That(when.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture), Is.EqualTo(date));
            Assert.That(12345.6.ToString("N1", CultureInfo.CurrentCulture), Is.EqualTo(number));
            return 0;
        });
    }

    [TestCase(SiteCultures.English, "Thursday 5 March 2026, 14:30 (Europe/London)")]
    [TestCase(SiteCultures.Welsh, "Dydd Iau, 5 Mawrth 2026, 14:30 (Europe/London)")]
    [TestCase(SiteCultures.Spanish, "jueves, 5 de marzo de 2026, 14:30 (Europe/London)")]
    public void AMeetingsTime_IsWrittenInTheLanguage_WithItsZone(string culture, string expected) =>
        Assert.That(SiteCultures.In(culture, () => PatientLeaders.Community.Web.Features.Sets.MeetingTimes.Format(
            new DateTimeOffset(2026, 3, 5, 14, 30, 0, TimeSpan.Zero), "Europe/London")), Is.EqualTo(expected));
}
