using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>
/// Pages rendered with every resource string pseudo-translated (accented, lengthened, in ［brackets］): any English
/// left over was written into the page instead of coming from the resources.
/// </summary>
public sealed partial class PseudoLocaleTests
{
    /// <summary>
    /// The pages localised so far, each wholly from resources. The header and footer of every page are checked too.
    /// The rest of the site is still English-only: each page joins this list when its strings move to the resources.
    /// </summary>
    private static readonly string[] GuestPages =
    [
        "/", "/account/login", "/help", "/help/accessibility", "/help/privacy", "/forum",
        "/errors/404", "/errors/400", "/errors/403", "/errors/413", "/errors/500", "/language", "/programmes",
    ];

    private static readonly string[] MemberPages =
    [
        "/errors/404", "/language", "/account/settings", "/account/two-factor", "/programmes/manage", "/programmes/manage/programme",
        "/programmes/applications",
    ];

    [Test]
    public async Task LocalisedPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await TestApp.CreateAsync(services: s =>
            s.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(provider => new PseudoFactory(
                ActivatorUtilities.CreateInstance<ResourceManagerStringLocalizerFactory>(provider)))));
        var guest = app.NewBrowser();
        foreach (var url in GuestPages)
        {
            AssertAllPseudo(await Forms.ParseAsync(await guest.GetAsync(url)), "body", url);
        }
        var admin = await app.SetUpAdminAsync();
        foreach (var url in MemberPages)
        {
            // The member's own name, handle and address are theirs, not the site's.
            AssertAllPseudo(await Forms.ParseAsync(await admin.GetAsync(url)), "body", url + " signed in", ["Alex Admin", "@admin", "admin@example.org"]);
        }
        // A thread, its reply page and its category, with the members' own words (never translated) set aside.
        await Forum.ForumJourneys.CreateCategoryAsync(admin, "Introductions");
        var thread = await Forum.ForumJourneys.StartThreadAsync(admin, "introductions", "Hello there", "First post", contentNote: "low mood");
        await Forum.ForumJourneys.ReplyAsync(admin, thread, "Second post");
        string[] own = ["Introductions", "About Introductions", "Hello there", "low mood", "Alex Admin", "@admin"];
        foreach (var url in new[] { $"/forum/t/{thread}/hello-there", $"/forum/reply/{thread}", "/forum/introductions", "/forum", "/forum/new" })
        {
            AssertAllPseudo(await Forms.ParseAsync(await admin.GetAsync(url)), "body", url, own);
        }
        foreach (var url in new[] { "/help", "/account/settings", "/forum" })
        {
            var page = await Forms.ParseAsync(await admin.GetAsync(url));
            AssertAllPseudo(page, "header", url);
            AssertAllPseudo(page, "footer", url);
        }
    }

    private static void AssertAllPseudo(IDocument page, string selector, string url, string[]? userContent = null)
    {
        var text = new StringBuilder();
        foreach (var node in page.QuerySelector(selector)!.Descendants().OfType<IText>())
        {
            // Not resource text: scripts, a reference number, dates (the culture formats them), an email address, user content.
            if (node.ParentElement?.Closest("script, code, time, a[href^='mailto:'], .user-content") is null)
            {
                text.Append(node.Data).Append(' ');
            }
        }
        var all = text.ToString();
        foreach (var words in (userContent ?? []).OrderByDescending(w => w.Length))
        {
            all = all.Replace(words, " ", StringComparison.Ordinal);
        }
        var leftover = Leftover().Replace(Pseudo().Replace(all, " "), " ").Trim();
        // The languages name themselves in the switch, untranslated on purpose.
        leftover = Regex.Replace(leftover, @"\b(English|Cymraeg|Español|Alex Admin)\b", " ").Trim();
        Assert.That(leftover, Does.Not.Match("[A-Za-z]{2,}"), $"{url}: English outside the resources: {leftover}");
    }

    [GeneratedRegex(@"［[^］]*］")]
    private static partial Regex Pseudo();

    [GeneratedRegex(@"[\s\d\p{P}\p{S}–]+")]
    private static partial Regex Leftover();

    private sealed class PseudoFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

        public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));
    }

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Wrap(inner[name]);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, Wrap(inner[name]).Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Wrap);

        private static LocalizedString Wrap(LocalizedString s) => new(s.Name, "［" + Accent(s.Value) + " ~~~］", s.ResourceNotFound);

        private static string Accent(string text)
        {
            var accented = new StringBuilder(text.Length);
            var inPlaceholder = false;
            foreach (var c in text)
            {
                inPlaceholder = c == '{' || (inPlaceholder && c != '}');
                accented.Append(inPlaceholder ? c : c switch
                {
                    'a' => 'á', 'e' => 'é', 'i' => 'í', 'o' => 'ö', 'u' => 'û', 'A' => 'Å', 'E' => 'É', 'O' => 'Ö', 'c' => 'ç', 'n' => 'ñ', 's' => 'š',
                    _ => c,
                });
            }
            return accented.ToString();
        }
    }
}
