using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>The kept strings give what ASP.NET Core's own resource lookup gives, in each language the reader is in.</summary>
public sealed class KeptStringLocalizerTests
{
    [Test]
    public void KeptStrings_AreWhatTheResourcesSay_InEachLanguage_FoundOrNot_AndAskedAgain()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var resources = factory.Create(typeof(SharedResource));
        var kept = new KeptStringLocalizer(factory);
        string[] names = ["Sign out", "page {0}", "{0} replies|one", "{0} replies|zero", "Not a string of the site {0}", new string('x', 1_000)];
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            var signOut = new HashSet<string>();
            // Twice round: the first lookups fill the kept strings, the second read them back, language by language.
            foreach (var culture in SiteCultures.Supported.Concat(SiteCultures.Supported))
            {
                (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (culture, culture);
                foreach (var name in names)
                {
                    var (expected, actual) = (resources[name], kept[name]);
                    Assert.That((actual.Value, actual.ResourceNotFound), Is.EqualTo((expected.Value, expected.ResourceNotFound)), $"{culture.Name}: {name}");
                    Assert.That(kept[name, 1_234].Value, Is.EqualTo(resources[name, 1_234].Value), $"{culture.Name}: {name}, formatted");
                }
                foreach (var plural in new[] { "{0} new replies", "Not a string of the site" })
                {
                    Assert.That(kept.PluralForms(plural), Is.EqualTo(resources.PluralForms(plural)), $"{culture.Name}: plural forms of {plural}");
                }
                signOut.Add(kept["Sign out"].Value);
            }
            Assert.That(signOut, Has.Count.EqualTo(SiteCultures.Supported.Count), "each language has its own words, kept apart");
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }
}
