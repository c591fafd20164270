using System.Net;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PatientLeaders.Community.Web.Infrastructure.Content;

/// <summary>
/// The one way member-written Markdown becomes HTML: Markdig with raw HTML disabled, then <see cref="HtmlSanitizer"/>.
/// Stateless and thread-safe (the Markdig pipeline is immutable once built); register as a singleton.
/// </summary>
public sealed class MarkdownRenderer(HtmlSanitizer sanitizer)
{
    /// <summary>
    /// Longer input is truncated before parsing. Posts are capped at 32,000 characters when written, so this only
    /// bites on data that skipped validation (imports, old rows); it bounds the CPU and memory one render can take
    /// (Markdig and the HTML parser are roughly linear, but the constant is large) while still showing something.
    /// </summary>
    public const int MaxInputLength = 100_000;

    /// <summary>
    /// The deepest nesting Markdig may build (emphasis in links in quotes in lists…). Real writing stays in single
    /// figures; Markdig's default is 128, and a pathological run of '*' or '[' nests thousands deep. Checked by
    /// Markdig itself while it parses and renders, so a deeper text stops early instead of using the stack.
    /// </summary>
    public const int MaxNestingDepth = 32;

    /// <summary>The quiet note above a text shown without its formatting.</summary>
    public const string PlainTextNote = "This text is shown without its formatting, which is nested too deeply to display.";

    /// <summary>What a form says when such text is saved: the text stays in the form.</summary>
    public const string NotRenderableMessage =
        "This text has formatting nested too deeply to show (for example hundreds of *, [ or > in a row). Remove some of them and save again.";

    // No UseAdvancedExtensions (it brings GenericAttributes, which lets authors write {onclick=...}) and no raw HTML.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder
        {
            MaximumNestingDepth = MaxNestingDepth,
        }
        .DisableHtml()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    /// <summary>Never throws: text Markdig cannot render is shown as escaped plain text under <see cref="PlainTextNote"/>.</summary>
    public SanitizedHtml Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return SanitizedHtml.Empty;
        }

        var text = Truncate(markdown);
        return TryRenderMarkdown(text) is { } html
            ? sanitizer.Sanitize(html)
            : sanitizer.Sanitize("<p><em>" + WebUtility.HtmlEncode(PlainTextNote) + "</em></p><p>"
                + WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>") + "</p>");
    }

    /// <summary>Whether text renders with its formatting: forms refuse text that would not (<see cref="MarkdownTextAttribute"/>).</summary>
    public static bool IsRenderable(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) || TryRenderMarkdown(Truncate(markdown)) is not null;

    private static string? TryRenderMarkdown(string text)
    {
        try
        {
            var document = Markdown.Parse(text, Pipeline);
            DemoteHeadings(document);
            ImagesAsLinks(document);

            using var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer) { MaximumNestingDepth = MaxNestingDepth };
            Pipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            // Markdig refuses absurd nesting (thousands of '*', '[' or '>') while parsing or, for some, while rendering.
            return null;
        }
    }

    private static string Truncate(string markdown)
    {
        if (markdown.Length <= MaxInputLength)
        {
            return markdown;
        }

        var length = char.IsHighSurrogate(markdown[MaxInputLength - 1]) ? MaxInputLength - 1 : MaxInputLength;
        return markdown[..length];
    }

    // The page owns the single h1 and the section h2s; member headings start at h3.
    private static void DemoteHeadings(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 2, 6);
        }
    }

    // A remote image would tell its host who is reading which post and when: too much for a community where posts
    // carry health stories. It would also break the CSP (img-src 'self'). So readers get a link they open on purpose.
    private static void ImagesAsLinks(MarkdownDocument document)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage).ToList())
        {
            image.IsImage = false;
            var label = image.FirstChild is null ? HtmlSanitizer.ImageLabel : HtmlSanitizer.ImageLabel + ": ";
            if (image.FirstChild is { } first)
            {
                first.InsertBefore(new LiteralInline(label));
            }
            else
            {
                image.AppendChild(new LiteralInline(label));
            }
        }
    }
}
