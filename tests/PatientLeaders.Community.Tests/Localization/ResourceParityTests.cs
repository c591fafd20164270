using System.Globalization;
using System.Text.RegularExpressions;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>English, Welsh and Spanish hold the same strings: no key in one language is missing from another.</summary>
public sealed partial class ResourceParityTests
{
    [Test]
    public void EveryLanguage_HasTheSameKeys_AndEachPluralHasItsLanguagesForms()
    {
        var english = Keys("en");
        Assert.That(english, Has.Count.GreaterThan(40));
        foreach (var language in ResourceFiles.Languages.Skip(1))
        {
            Assert.That(Keys(language).Except(english), Is.Empty, $"in {language} but not in en-GB");
            Assert.That(english.Except(Keys(language)), Is.Empty, $"in en-GB but not in {language}");
        }
        foreach (var language in ResourceFiles.Languages)
        {
            var culture = CultureInfo.GetCultureInfo(language);
            var forms = ResourceFiles.Read(language).Keys.Where(k => k.Contains('|')).GroupBy(k => k.Split('|')[0]);
            foreach (var plural in forms)
            {
                Assert.That(plural.Select(k => k.Split('|')[1]).Order(), Is.EqualTo(Plurals.CategoriesOf(culture).Order()), $"{language}: {plural.Key}");
            }
        }
    }

    /// <summary>
    /// The resource compiler treats names case-insensitively and drops the second of two keys that differ only by
    /// case ("Unread" and "unread"), so one string silently stays English in Welsh and Spanish.
    /// </summary>
    [Test]
    public void NoTwoKeys_DifferOnlyByCase()
    {
        foreach (var language in ResourceFiles.Languages)
        {
            var clashes = ResourceFiles.Read(language).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g));
            Assert.That(clashes, Is.Empty, language);
        }
    }

    [Test]
    public void EveryTranslation_KeepsThePlaceholders_AndIsNotEmpty()
    {
        var english = ResourceFiles.Read("en");
        foreach (var language in ResourceFiles.Languages.Skip(1))
        {
            foreach (var (key, value) in ResourceFiles.Read(language))
            {
                Assert.That(value.Trim(), Is.Not.Empty, $"{language}: {key}");
                // A plural's "one" (and Welsh two, few, many) may spell the number out instead of {0}.
                if (!key.Contains('|') || key.EndsWith("|other", StringComparison.Ordinal))
                {
                    Assert.That(Placeholders(value), Is.EqualTo(Placeholders(english[key])), $"{language}: {key}");
                }
            }
        }
    }

    private static HashSet<string> Keys(string language) =>
        ResourceFiles.Read(language).Keys.Select(k => k.Split('|')[0]).ToHashSet();

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct().Order().ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
