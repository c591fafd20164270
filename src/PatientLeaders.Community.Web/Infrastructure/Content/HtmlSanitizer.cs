using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace PatientLeaders.Community.Web.Infrastructure.Content;

/// <summary>
/// The site's allow-list over the maintained HtmlSanitizer library (Ganss.Xss). The library removes every tag,
/// attribute, URL scheme, style and comment outside the allow-list; this class adds what the library cannot say
/// per element: which attributes each tag keeps, <c>rel</c> on links, headings below the page's own, remote images
/// as links, the language class on code and a depth limit. Thread-safe: the library's configuration is fixed at
/// construction and every call parses into its own document. The output is a fixed point (sanitizing it again
/// returns it unchanged), so a browser re-parsing it builds the tree that was approved (no mutation XSS).
/// </summary>
public sealed partial class HtmlSanitizer
{
    public const string LinkRel = "nofollow ugc noopener noreferrer";

    // Deeper elements are unwrapped (text kept). Bounds the recursion of serialization and of the browser's layout.
    private const int MaxDepth = 48;

    // Parse, clean, serialize until the output stops changing. Real content settles in two passes.
    private const int MaxPasses = 4;

    // Removed together with everything inside them: their content is code, raw text a browser may read differently,
    // or UI we never want (forms, frames, foreign SVG/MathML content where namespace confusion lives).
    private static readonly FrozenSet<string> DroppedWithContent = FrozenSet.Create(
        StringComparer.Ordinal,
        "script", "style", "iframe", "object", "embed", "form", "base", "meta", "link", "svg", "math", "template",
        "noscript", "textarea", "select", "option", "optgroup", "datalist", "button", "frame", "frameset", "applet",
        "title", "xmp", "noembed", "noframes", "plaintext", "head", "param");

    private static readonly FrozenSet<string> AllowedElements = FrozenSet.Create(
        StringComparer.Ordinal,
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "del", "s",
        "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input", "sup", "sub");

    // Our pages have a doctype, so parse in no-quirks mode as the readers' browsers will (a <table> closes a <p>).
    private const string StandardsModeDocument = "<!doctype html><html><head></head><body></body></html>";

    private static readonly string[] SafeLinkSchemes = ["http", "https", "mailto"];

    private static readonly string[] SafeImageSchemes = ["http", "https"];

    private readonly Ganss.Xss.HtmlSanitizer library = CreateLibrarySanitizer();

    public SanitizedHtml Sanitize(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return SanitizedHtml.Empty;
        }

        var current = html;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = SanitizeOnce(current);
            if (string.Equals(next, current, StringComparison.Ordinal))
            {
                return new SanitizedHtml(next);
            }

            current = next;
        }

        // Pathological nesting that keeps re-parsing differently: fall back to the plain text, which is stable.
        var text = PlainText(current);
        return string.Equals(SanitizeOnce(text), text, StringComparison.Ordinal)
            ? new SanitizedHtml(text)
            : SanitizedHtml.Empty;
    }

    /// <summary>
    /// True when a URL is relative or uses one of <paramref name="schemes"/>, judged the way a browser reads it:
    /// character references decoded, tab/CR/LF removed anywhere, leading and trailing C0 controls and spaces
    /// trimmed, scheme compared case-insensitively. Anything with a colon before the first <c>/ ? #</c> counts as
    /// having a scheme, so odd "schemes" a browser would treat as relative are refused too.
    /// </summary>
    internal static bool IsSafeUrl(string value, IReadOnlyList<string> schemes)
    {
        var url = NormalizeUrl(value);
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var delimiter = url.AsSpan(0, colon).IndexOfAny('/', '?', '#');
        if (delimiter >= 0)
        {
            return true;
        }

        var scheme = url[..colon];
        foreach (var allowed in schemes)
        {
            if (string.Equals(scheme, allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRelative(string value) => IsSafeUrl(value, []);

    private static string NormalizeUrl(string value)
    {
        // The parser has already decoded references once; decode again so double-encoded tricks are judged too.
        var url = value;
        for (var i = 0; i < 3; i++)
        {
            var decoded = NamedReference().Replace(NumericReference().Replace(url, DecodeNumericReference), DecodeNamedReference);
            if (string.Equals(decoded, url, StringComparison.Ordinal))
            {
                break;
            }

            url = decoded;
        }

        url = url.Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal);
        return url.Trim(C0AndSpace);
    }

    private static readonly char[] C0AndSpace = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    private static string DecodeNumericReference(Match match)
    {
        var digits = match.Groups[1].Value;
        var isHex = digits.StartsWith('x') || digits.StartsWith('X');
        var ok = isHex
            ? int.TryParse(digits.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
        if (!ok || code is <= 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            return "\uFFFD";
        }

        return char.ConvertFromUtf32(code);
    }

    private static string DecodeNamedReference(Match match)
    {
        var name = match.Groups[1].Value;
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(name + ";") ?? HtmlEntityProvider.Resolver.GetSymbol(name);
        return symbol ?? match.Value;
    }

    [GeneratedRegex("&#(x[0-9a-f]{1,8}|[0-9]{1,10});?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericReference();

    [GeneratedRegex("&([a-z][a-z0-9]{1,31});?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedReference();

    [GeneratedRegex(@"^\s*text-align\s*:\s*(left|center|right)\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TextAlignStyle();

    [GeneratedRegex("^language-[a-z0-9+#-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageClass();

    [GeneratedRegex("^[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    private string SanitizeOnce(string html)
    {
        // Scripting on, as in a browser, so <noscript> content is read as raw text the way readers' browsers read it.
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocument(StandardsModeDocument);
        var body = (IHtmlElement)document.Body!;
        foreach (var node in parser.ParseFragment(html, body).ToArray())
        {
            body.AppendChild(node);
        }

        Prepare(body);
        library.SanitizeDom(document, body);
        Finish(body);

        var output = new StringBuilder(html.Length);
        using var writer = new StringWriter(output, CultureInfo.InvariantCulture);
        foreach (var child in body.ChildNodes)
        {
            child.ToHtml(writer, HtmlFormatter.Instance);
        }

        writer.Flush();
        return output.ToString();
    }

    private static Ganss.Xss.HtmlSanitizer CreateLibrarySanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = AllowedElements,
            AllowedAttributes = LibraryAttributes,
            AllowedSchemes = SafeLinkSchemes.ToHashSet(StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var library = new Ganss.Xss.HtmlSanitizer(options) { KeepChildNodes = true };

        // The library refuses any URL it cannot read as absolute or as a path, such as "page?x=a:b". A browser reads
        // a colon after the first / ? or # as part of a relative URL, so such URLs are kept when the site's own check
        // finds no scheme in them.
        library.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is null && IsRelative(e.OriginalUrl))
            {
                e.SanitizedUrl = e.OriginalUrl;
            }
        };

        // The library unwraps a disallowed element; these go with everything inside them.
        library.RemovingTag += (_, e) =>
        {
            if (e.Tag.NamespaceUri != NamespaceNames.HtmlUri || DroppedWithContent.Contains(e.Tag.LocalName))
            {
                e.Cancel = true;
                e.Tag.Remove();
            }
        };
        return library;
    }

    // The attributes the library may leave anywhere; Finish then keeps each only on the element it belongs to.
    private static readonly HashSet<string> LibraryAttributes = new(
        ["href", "title", "src", "alt", "type", "checked", "start", "align", "class"], StringComparer.OrdinalIgnoreCase);

    // Before the library walks the tree: elements deeper than MaxDepth are unwrapped (text kept), iteratively, since
    // hostile input can nest thousands of levels deep; and a table cell's inline text-align, which Markdig writes and
    // the CSP would block, becomes align.
    private static void Prepare(IElement root)
    {
        var pending = new Stack<(IElement Container, int Depth)>();
        pending.Push((root, 0));
        while (pending.TryPop(out var item))
        {
            var node = item.Container.FirstChild;
            while (node is not null)
            {
                var next = node.NextSibling;
                if (node is IElement element)
                {
                    AlignFromStyle(element);
                    if (item.Depth >= MaxDepth)
                    {
                        next = Unwrap(element) ?? next;
                    }
                    else
                    {
                        pending.Push((element, item.Depth + 1));
                    }
                }

                node = next;
            }
        }
    }

    private static void AlignFromStyle(IElement element)
    {
        if (element.LocalName is "th" or "td" && element.GetAttribute("style") is { } style)
        {
            element.RemoveAttribute("style");
            var match = TextAlignStyle().Match(style);
            if (match.Success && !element.HasAttribute("align"))
            {
                element.SetAttribute("align", match.Groups[1].Value.ToLowerInvariant());
            }
        }
    }

    // After the library: the per-element rules it has no words for.
    private static void Finish(IElement root)
    {
        var pending = new Stack<IElement>();
        pending.Push(root);
        while (pending.TryPop(out var container))
        {
            var node = container.FirstChild;
            while (node is not null)
            {
                var next = node.NextSibling;
                switch (node)
                {
                    case IText:
                        break;
                    case IElement element when element.NamespaceUri != NamespaceNames.HtmlUri
                        || DroppedWithContent.Contains(element.LocalName):
                        element.Remove();
                        break;
                    case IElement element when !AllowedElements.Contains(element.LocalName):
                        next = Unwrap(element) ?? next;
                        break;
                    case IElement element:
                        var kept = CleanAllowed(element);
                        if (kept is null)
                        {
                            element.Remove();
                        }
                        else
                        {
                            pending.Push(kept);
                        }

                        break;
                    default:
                        node.Parent!.RemoveChild(node);
                        break;
                }

                node = next;
            }
        }
    }

    // Moves the children up in place of the element; returns the first of them so the walk visits them next.
    private static INode? Unwrap(IElement element)
    {
        var parent = element.Parent!;
        var first = element.FirstChild;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
        return first;
    }

    private static IElement? CleanAllowed(IElement element)
    {
        var name = element.LocalName;
        var kept = new List<(string Name, string Value)>(2);
        switch (name)
        {
            case "a":
                var href = element.GetAttribute("href");
                if (href is not null && IsSafeUrl(href, SafeLinkSchemes))
                {
                    kept.Add(("href", href));
                }

                AddIfPresent(element, "title", kept);
                if (kept.Count > 0 && kept[0].Name == "href")
                {
                    kept.Add(("rel", LinkRel));
                }

                break;
            case "img":
                var src = element.GetAttribute("src");
                if (string.IsNullOrWhiteSpace(src) || !IsSafeUrl(src, SafeImageSchemes))
                {
                    return null;
                }

                if (IsRemote(src))
                {
                    return ImageAsLink(element, src);
                }

                kept.Add(("src", src));
                AddIfPresent(element, "alt", kept);
                AddIfPresent(element, "title", kept);
                break;
            case "input":
                // Only the read-only checkbox Markdig's task lists emit.
                if (!string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                kept.Add(("type", "checkbox"));
                if (element.HasAttribute("checked"))
                {
                    kept.Add(("checked", "checked"));
                }

                kept.Add(("disabled", "disabled"));
                break;
            case "ol":
                var start = element.GetAttribute("start");
                if (start is not null && Digits().IsMatch(start))
                {
                    kept.Add(("start", start));
                }

                break;
            case "th" or "td":
                var align = element.GetAttribute("align")?.Trim().ToLowerInvariant();
                if (align is "left" or "center" or "right")
                {
                    kept.Add(("align", align));
                }

                break;
            case "code":
                var language = element.GetAttribute("class")?.Trim().ToLowerInvariant();
                if (language is not null && LanguageClass().IsMatch(language))
                {
                    kept.Add(("class", language));
                }

                break;
        }

        var target = name is "h1" or "h2" ? Rename(element, "h3") : element;
        foreach (var attribute in target.Attributes.ToArray())
        {
            target.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
        }

        foreach (var (attributeName, value) in kept)
        {
            target.SetAttribute(attributeName, value);
        }

        return target;
    }

    // A remote image would tell its host who is reading which post and when (posts carry health stories), and the
    // CSP allows only the site's own images. Readers get a link they open on purpose, as the Markdown renderer gives.
    private static bool IsRemote(string src)
    {
        var url = NormalizeUrl(src);
        return url.StartsWith("//", StringComparison.Ordinal) || url.Contains(':', StringComparison.Ordinal);
    }

    private static IElement? ImageAsLink(IElement image, string src)
    {
        var alt = image.GetAttribute("alt");
        var label = string.IsNullOrWhiteSpace(alt) ? ImageLabel : ImageLabel + ": " + alt;
        var document = image.Owner!;
        if (image.Closest("a") is not null)
        {
            image.Parent!.ReplaceChild(document.CreateTextNode(label), image);
            return null;
        }

        var link = document.CreateElement("a");
        link.SetAttribute("href", src);
        if (image.GetAttribute("title") is { } title)
        {
            link.SetAttribute("title", title);
        }

        link.SetAttribute("rel", LinkRel);
        link.TextContent = label;
        image.Parent!.ReplaceChild(link, image);
        return link;
    }

    /// <summary>The words a remote image's link starts with (member content is stored as written, so not localised).</summary>
    public const string ImageLabel = "Image";

    private static void AddIfPresent(IElement element, string name, List<(string Name, string Value)> kept)
    {
        var value = element.GetAttribute(name);
        if (value is not null)
        {
            kept.Add((name, value));
        }
    }

    // Member content never carries the page's h1 or section h2s (the renderer demotes headings before this runs).
    private static IElement Rename(IElement element, string name)
    {
        var replacement = element.Owner!.CreateElement(name);
        while (element.FirstChild is { } child)
        {
            replacement.AppendChild(child);
        }

        element.Parent!.ReplaceChild(replacement, element);
        return replacement;
    }

    private static string PlainText(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true }, BrowsingContext.New(Configuration.Default));
        var document = parser.ParseDocument(StandardsModeDocument);
        var text = string.Concat(parser.ParseFragment(html, document.Body!).Select(n => n.TextContent));
        var holder = document.CreateElement("p");
        holder.TextContent = text;
        return holder.InnerHtml;
    }
}
