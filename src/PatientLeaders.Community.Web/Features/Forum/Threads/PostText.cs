using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>The plain text of rendered Markdown, for the search index and its snippets.</summary>
public static partial class PostText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "br", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "hr",
    };

    public static string From(SanitizedHtml html)
    {
        if (html.IsEmpty)
        {
            return "";
        }
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocument("<!doctype html><html><head></head><body></body></html>");
        var text = new StringBuilder();
        foreach (var node in parser.ParseFragment(html.Value, document.Body!))
        {
            Append(node, text);
        }
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static void Append(INode node, StringBuilder text)
    {
        if (node is IText t)
        {
            text.Append(t.Data);
            return;
        }
        foreach (var child in node.ChildNodes)
        {
            Append(child, text);
        }
        if (node is IElement e && Blocks.Contains(e.LocalName))
        {
            text.Append(' ');
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
