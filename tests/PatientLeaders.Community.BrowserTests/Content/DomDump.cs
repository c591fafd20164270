using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PatientLeaders.Community.BrowserTests.Content;

/// <summary>A structural dump of a parsed fragment, built the same way as the JavaScript one in the browser test.</summary>
internal static class DomDump
{
    public static string OfFragment(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocument("<!doctype html><html><head></head><body></body></html>");
        var builder = new StringBuilder();
        foreach (var node in parser.ParseFragment(html, document.Body!))
        {
            Append(builder, node);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, INode node)
    {
        switch (node)
        {
            case IText text:
                builder.Append(Json(text.Data));
                break;
            case IElement element:
                var attributes = string.Join(' ', element.Attributes
                    .Select(a => a.Name + "=" + Json(a.Value))
                    .Order(StringComparer.Ordinal));
                builder.Append('<').Append(element.LocalName).Append(attributes.Length > 0 ? " " + attributes : string.Empty).Append('>');
                foreach (var child in element.ChildNodes)
                {
                    Append(builder, child);
                }

                builder.Append("</").Append(element.LocalName).Append('>');
                break;
            default:
                builder.Append('?').Append((int)node.NodeType);
                break;
        }
    }

    // Quote and escape exactly like the JavaScript side: controls, quote, backslash and non-ASCII as \uxxxx.
    private static string Json(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7F)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
