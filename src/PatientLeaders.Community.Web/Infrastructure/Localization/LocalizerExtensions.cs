using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Infrastructure.Localization;

public static class LocalizerExtensions
{
    /// <summary>
    /// A whole sentence about a number, in the form the current language uses for it: the resource
    /// "<paramref name="key"/>|one", "|other" (and for Welsh "|zero", "|two", "|few", "|many"), formatted with the
    /// number in the culture's own digits. Translate whole sentences: Welsh numbers also change the noun.
    /// </summary>
    public static string Plural(this IStringLocalizer localizer, long count, string key, params object[] more)
    {
        var culture = CultureInfo.CurrentUICulture;
        var form = localizer[key + "|" + Plurals.Category(culture, count)];
        var text = form.ResourceNotFound ? localizer[key + "|" + Plurals.Other].Value : form.Value;
        return string.Format(CultureInfo.CurrentCulture, text, [count.ToString("N0", CultureInfo.CurrentCulture), .. more]);
    }
}
