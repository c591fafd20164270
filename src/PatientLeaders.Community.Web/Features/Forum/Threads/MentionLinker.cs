using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// Works on the renderer's sanitized output, never on Markdown: mentions inside code, pre or links stay text.
/// Links are built as DOM nodes (no string concatenation of HTML) and the result goes through the sanitizer again,
/// so the output is still a <see cref="SanitizedHtml"/> that only the sanitizer made.
/// </summary>
public sealed class MentionLinker(HtmlSanitizer sanitizer)
{
    private const string StandardsModeDocument = "<!doctype html><html><head></head><body></body></html>";

    /// <summary>Handles mentioned in ordinary text (not in code or links), lower-case, at most <see cref="Mentions.MaxPerPost"/>.</summary>
    public static IReadOnlyList<string> Handles(SanitizedHtml html)
    {
        if (!html.Value.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }
        var text = new StringBuilder();
        foreach (var node in MentionableTextNodes(Parse(html.Value)))
        {
            text.Append(node.Data).Append(' ');
        }
        return Mentions.Parse(text.ToString());
    }

    /// <summary>Every distinct handle <see cref="Link"/> would consider, lower-case and uncapped.</summary>
    public static IReadOnlyList<string> LinkableHandles(SanitizedHtml html)
    {
        if (!html.Value.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }
        return MentionableTextNodes(Parse(html.Value))
            .SelectMany(node => Mentions.Find(node.Data).Select(mention => mention.Handle))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Turns @handle into a link to the member's profile, for handles <paramref name="isMember"/> accepts.</summary>
    public SanitizedHtml Link(SanitizedHtml html, Func<string, bool> isMember)
    {
        if (!html.Value.Contains('@', StringComparison.Ordinal))
        {
            return html;
        }
        var root = Parse(html.Value);
        var changed = false;
        foreach (var node in MentionableTextNodes(root).ToList())
        {
            var text = node.Data;
            var mentions = Mentions.Find(text).Where(m => isMember(m.Handle)).ToList();
            if (mentions.Count == 0)
            {
                continue;
            }
            var document = node.Owner!;
            var parent = node.Parent!;
            var at = 0;
            foreach (var (index, length, handle) in mentions)
            {
                if (index > at)
                {
                    parent.InsertBefore(document.CreateTextNode(text[at..index]), node);
                }
                var link = document.CreateElement("a");
                link.SetAttribute("href", "/members/" + handle);
                link.TextContent = text.Substring(index, length);
                parent.InsertBefore(link, node);
                at = index + length;
            }
            if (at < text.Length)
            {
                parent.InsertBefore(document.CreateTextNode(text[at..]), node);
            }
            node.Remove();
            changed = true;
        }
        return changed ? sanitizer.Sanitize(root.InnerHtml) : html;
    }

    private static IElement Parse(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocument(StandardsModeDocument);
        var root = document.CreateElement("div");
        foreach (var node in parser.ParseFragment(html, document.Body!).ToList())
        {
            root.AppendChild(node);
        }
        return root;
    }

    private static IEnumerable<IText> MentionableTextNodes(IElement root) =>
        root.Descendants<IText>().Where(t => !t.Ancestors<IElement>().Any(e => e.LocalName is "a" or "code" or "pre"));
}
