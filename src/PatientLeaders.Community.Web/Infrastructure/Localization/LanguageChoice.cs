using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace PatientLeaders.Community.Web.Infrastructure.Localization;

/// <summary>
/// The language switch: one form, a button per language, named in its own language, coming back to where the
/// reader was. Plain markup rather than a partial view, whose lookup and view context cost every page: the footer
/// shows it on all of them.
/// </summary>
public sealed class LanguageChoice(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
{
    /// <param name="returnUrl">Where to come back to once the language is set.</param>
    /// <param name="label">The form's accessible name, unique on its page.</param>
    public IHtmlContent Render(HttpContext context, string returnUrl, string label)
    {
        var encoder = HtmlEncoder.Default;
        var current = CultureInfo.CurrentUICulture.Name;
        var html = new HtmlContentBuilder();
        html.AppendHtml($"""<form method="post" action="/language" class="language-switch" aria-label="{encoder.Encode(label)}">""");
        // Over plain HTTP where the antiforgery cookie must be Secure (Production reached without TLS, which only a
        // request around the proxy can do) no token can be issued: the page still renders, and the switch is
        // refused like any other form there.
        if (context.Request.IsHttps || options.Value.Cookie.SecurePolicy != CookieSecurePolicy.Always)
        {
            html.AppendHtml(antiforgery.GetHtml(context));
        }
        html.AppendHtml($"""<input type="hidden" name="ReturnUrl" value="{encoder.Encode(returnUrl)}"><ul>""");
        foreach (var (culture, name, lang) in SiteCultures.Choices)
        {
            var isCurrent = culture == current ? " aria-current=\"true\"" : "";
            html.AppendHtml($"""<li><button type="submit" name="culture" value="{culture}" lang="{lang}" class="link-button"{isCurrent}>{encoder.Encode(name)}</button></li>""");
        }
        html.AppendHtml("</ul></form>");
        return html;
    }
}
