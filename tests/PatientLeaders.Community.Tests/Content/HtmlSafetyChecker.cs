using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PatientLeaders.Community.Tests.Content;

/// <summary>
/// Judges sanitizer output the way a browser would read it, written independently of the production sanitizer.
/// Returns a list of problems; empty means safe. Shared with the browser tests.
/// </summary>
public static partial class HtmlSafetyChecker
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "form", "base", "meta", "link", "svg", "math", "template",
        "noscript", "frame", "frameset", "applet", "textarea", "xmp", "noembed", "noframes", "plaintext", "title",
        "button", "select",
    };

    private static readonly HashSet<string> ForbiddenAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "style", "id", "name", "srcdoc", "srcset", "ping", "archive", "formaction", "action", "is", "target",
    };

    // HtmlSanitizer's list of attributes that carry a URL.
    private static readonly HashSet<string> UriAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "action", "background", "cite", "codebase", "data", "dynsrc", "formaction", "href", "icon", "longdesc",
        "lowsrc", "manifest", "poster", "src", "xlink:href",
    };

    public static IReadOnlyList<string> FindProblems(string html)
    {
        var problems = new List<string>();

        if (ScriptTag().IsMatch(html))
        {
            problems.Add("text contains a <script tag");
        }

        foreach (Match tag in StartTag().Matches(html))
        {
            var withoutValues = QuotedValue().Replace(tag.Value, "\"\"");
            if (EventHandler().IsMatch(withoutValues))
            {
                problems.Add($"event handler in tag {tag.Value}");
            }
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocument("<!doctype html><html><head></head><body></body></html>");
        var roots = parser.ParseFragment(html, document.Body!);
        foreach (var element in roots.SelectMany(Elements))
        {
            CheckElement(element, problems);
        }

        return problems;
    }

    /// <summary>Browser URL parsing, reduced to what matters: strip tab/CR/LF, trim C0 and space, read the scheme.</summary>
    public static bool HasSafeScheme(string url, bool isImage)
    {
        var cleaned = new string(url.Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        cleaned = cleaned.Trim(Enumerable.Range(0, 33).Select(i => (char)i).ToArray());
        var scheme = Scheme().Match(cleaned);
        if (!scheme.Success)
        {
            // Relative, unless something that is nearly a dangerous scheme is hiding in it.
            var squashed = new string(cleaned.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
            return !(squashed.StartsWith("javascript", StringComparison.Ordinal)
                && cleaned.Contains(':', StringComparison.Ordinal)
                && cleaned.IndexOf(':', StringComparison.Ordinal) < FirstDelimiter(cleaned));
        }

        var name = scheme.Groups[1].Value.ToLowerInvariant();
        return isImage ? name is "http" or "https" : name is "http" or "https" or "mailto";
    }

    private static int FirstDelimiter(string value)
    {
        var index = value.IndexOfAny(['/', '?', '#']);
        return index < 0 ? int.MaxValue : index;
    }

    private static void CheckElement(IElement element, List<string> problems)
    {
        if (element.NamespaceUri != "http://www.w3.org/1999/xhtml")
        {
            problems.Add($"foreign element <{element.LocalName}>");
        }

        if (ForbiddenElements.Contains(element.LocalName))
        {
            problems.Add($"forbidden element <{element.LocalName}>");
        }

        foreach (var attribute in element.Attributes)
        {
            var name = attribute.Name;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"event handler {name} on <{element.LocalName}>");
            }

            if (ForbiddenAttributes.Contains(name))
            {
                problems.Add($"forbidden attribute {name} on <{element.LocalName}>");
            }

            if (UriAttributes.Contains(name) && !HasSafeScheme(attribute.Value, element.LocalName == "img"))
            {
                problems.Add($"unsafe URL {name}=\"{attribute.Value}\" on <{element.LocalName}>");
            }
        }

        if (element.LocalName == "a" && element.HasAttribute("href")
            && Scheme().Match(element.GetAttribute("href")!.Trim()) is { Success: true } match
            && match.Groups[1].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            && !(element.GetAttribute("rel") ?? string.Empty).Split(' ').ToHashSet().IsSupersetOf(["nofollow", "ugc", "noopener", "noreferrer"]))
        {
            problems.Add($"external link without rel=\"nofollow ugc noopener noreferrer\": {element.OuterHtml}");
        }
    }

    private static IEnumerable<IElement> Elements(INode node)
    {
        var stack = new Stack<INode>();
        stack.Push(node);
        while (stack.TryPop(out var current))
        {
            if (current is IElement element)
            {
                yield return element;
                if (element is AngleSharp.Html.Dom.IHtmlTemplateElement template)
                {
                    stack.Push(template.Content);
                }
            }

            foreach (var child in current.ChildNodes)
            {
                stack.Push(child);
            }
        }
    }

    [GeneratedRegex(@"<script[\s>/]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[a-zA-Z][^<>]*>")]
    private static partial Regex StartTag();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"[\s/]on[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.\-]*):")]
    private static partial Regex Scheme();
}
