using System.Globalization;

namespace PatientLeaders.Community.Web.Infrastructure.Localization;

/// <summary>
/// CLDR cardinal plural categories for the site's languages (unicode.org/cldr, plurals.xml), for whole numbers.
/// English: one (1), other. Spanish: one (1), many (1,000,000s), other. Welsh: zero (0), one (1), two (2),
/// few (3), many (6), other. A plural resource has one entry per category its language uses: "key|one", "key|other".
/// </summary>
public static class Plurals
{
    public const string Zero = "zero", One = "one", Two = "two", Few = "few", Many = "many", Other = "other";

    public static string Category(CultureInfo culture, long n) => culture.TwoLetterISOLanguageName switch
    {
        "cy" => n switch
        {
            0 => Zero,
            1 => One,
            2 => Two,
            3 => Few,
            6 => Many,
            _ => Other,
        },
        "es" => n == 1 ? One : n != 0 && n % 1_000_000 == 0 ? Many : Other,
        _ => n == 1 ? One : Other,
    };

    /// <summary>The categories a language's resources must give for every plural key.</summary>
    public static IReadOnlyList<string> CategoriesOf(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "cy" => [Zero, One, Two, Few, Many, Other],
        "es" => [One, Many, Other],
        _ => [One, Other],
    };
}
