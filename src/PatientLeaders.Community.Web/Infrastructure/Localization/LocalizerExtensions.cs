using System.Globalization;
using System.Text.Json;
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

    /// <summary>
    /// Every plural form of a string in the current language, as JSON ({"one": "…", "other": "…"}), for a script to
    /// choose from with Intl.PluralRules: the page gives the words, the browser the CLDR rule.
    /// </summary>
    public static string PluralForms(this IStringLocalizer localizer, string key) =>
        localizer is KeptStringLocalizer kept ? kept.PluralForms(key) : PluralFormsOf(localizer, key);

    internal static string PluralFormsOf(IStringLocalizer localizer, string key)
    {
        var culture = CultureInfo.CurrentUICulture;
        var forms = Plurals.CategoriesOf(culture).ToDictionary(form => form, form => localizer[key + "|" + form].Value);
        return JsonSerializer.Serialize(forms);
    }
}

public static class HtmlLocalizerExtensions
{
    /// <summary>
    /// A sentence with markup in its blanks (a &lt;time&gt; element, say): the sentence and plain arguments are
    /// HTML-encoded, arguments that are already HTML go in as they are. Word order stays the translator's.
    /// </summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Html(this IStringLocalizer localizer, string key, params object[] arguments)
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var parts = arguments.Select(a => a is Microsoft.AspNetCore.Html.IHtmlContent html ? Markup(html)
            : encoder.Encode(Convert.ToString(a, CultureInfo.CurrentCulture) ?? "")).ToArray<object>();
        return new Microsoft.AspNetCore.Html.HtmlString(string.Format(CultureInfo.CurrentCulture, encoder.Encode(localizer[key].Value), parts));
    }

    private static string Markup(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
