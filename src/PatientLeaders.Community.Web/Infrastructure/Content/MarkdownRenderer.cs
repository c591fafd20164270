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

    // No UseAdvancedExtensions (it brings GenericAttributes, which lets authors write {onclick=...}) and no raw HTML.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public SanitizedHtml Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return SanitizedHtml.Empty;
        }

        var text = Truncate(markdown);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurd nesting (thousands of '>' or '['); show such input as plain text instead.
            return sanitizer.Sanitize("<p>" + WebUtility.HtmlEncode(text) + "</p>");
        }

        DemoteHeadings(document);
        ImagesAsLinks(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        return sanitizer.Sanitize(writer.ToString());
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
            var label = image.FirstChild is null ? "Image" : "Image: ";
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
