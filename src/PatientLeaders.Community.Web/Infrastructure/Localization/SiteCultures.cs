using System.Globalization;

namespace PatientLeaders.Community.Web.Infrastructure.Localization;

/// <summary>
/// The site's languages: British English (the default), Welsh and Spanish. Each is a specific culture, so dates,
/// times and numbers take that country's formats; its strings come from the language's resources (cy, es).
/// </summary>
public static class SiteCultures
{
    public const string English = "en-GB";
    public const string Welsh = "cy-GB";
    public const string Spanish = "es-ES";

    public const string Default = English;

    /// <summary>Each language with its own name for itself, as the language switch shows it.</summary>
    public static readonly IReadOnlyList<(string Culture, string Name, string Lang)> Choices =
    [
        (English, "English", "en"),
        (Welsh, "Cymraeg", "cy"),
        (Spanish, "Español", "es"),
    ];

    public static readonly IReadOnlyList<CultureInfo> Supported = Choices.Select(c => CultureInfo.GetCultureInfo(c.Culture)).ToList();

    /// <summary>The supported culture a name stands for ("cy", "cy-GB", "es-MX" → cy-GB, cy-GB, es-ES), or null.</summary>
    public static string? Match(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 20)
        {
            return null;
        }
        var language = name.Split('-', '_')[0];
        return Choices.FirstOrDefault(c => c.Lang.Equals(language, StringComparison.OrdinalIgnoreCase)).Culture;
    }

    /// <summary>Runs <paramref name="work"/> in a member's language: for mail and other work done outside their request.</summary>
    public static T In<T>(string? culture, Func<T> work)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var chosen = CultureInfo.GetCultureInfo(Match(culture) ?? Default);
        CultureInfo.CurrentUICulture = chosen;
        CultureInfo.CurrentCulture = chosen;
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formats;
        }
    }
}
