using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Infrastructure.Localization;

/// <summary>
/// The site's strings, each looked up in the resources once per language and then kept. Resource lookups are
/// ASP.NET Core's own (<see cref="ResourceManagerStringLocalizer"/>), which builds a key string and walks the culture's
/// fallback chain on every call; a page asks for thirty to a hundred strings.
/// </summary>
public sealed class KeptStringLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    /// <summary>The site has a few thousand strings; in a language with more names than this, the rest are looked up each time.</summary>
    private const int MostKept = 50_000;

    /// <summary>
    /// Longer names are looked up each time: a name can come from data (an invitation file's role column, say). The
    /// site's longest key is about 330 characters; with <see cref="MostKept"/>, at most about 40 MB a language.
    /// </summary>
    private const int LongestKept = 400;

    private readonly IStringLocalizer resources = factory.Create(typeof(SharedResource));

    // By language, then by name: a string key hashes faster than a pair of strings.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LocalizedString>> kept = new();

    // The same for a string's plural forms as JSON (LocalizerExtensions.PluralForms), which a live page asks for on every view.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> keptPluralForms = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var language = kept.GetOrAdd(CultureInfo.CurrentUICulture.Name, static _ => new());
            if (language.TryGetValue(name, out var found))
            {
                return found;
            }
            found = resources[name];
            if (name.Length <= LongestKept && language.Count < MostKept)
            {
                language.TryAdd(name, found);
            }
            return found;
        }
    }

    /// <summary>Every plural form of a string in the current language, as JSON: see <see cref="LocalizerExtensions.PluralForms"/>.</summary>
    public string PluralForms(string key)
    {
        var language = keptPluralForms.GetOrAdd(CultureInfo.CurrentUICulture.Name, static _ => new());
        if (language.TryGetValue(key, out var json))
        {
            return json;
        }
        json = LocalizerExtensions.PluralFormsOf(this, key);
        if (key.Length <= LongestKept && language.Count < MostKept)
        {
            language.TryAdd(key, json);
        }
        return json;
    }

    /// <summary>As <see cref="ResourceManagerStringLocalizer"/>: the string (or the name, when none) formatted in the current culture.</summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
