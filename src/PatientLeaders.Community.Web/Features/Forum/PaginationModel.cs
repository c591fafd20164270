using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// Numbered page links with previous and next, nothing when there is one page. Written straight to the page rather
/// than through a partial view: a thread page shows it twice, and each partial costs a view lookup and context.
/// The words come from <paramref name="Localizer"/> (the page's <c>T</c>), in the reader's language; without one they
/// are British English.
/// </summary>
public sealed record PaginationModel(int Current, int Count, Func<int, string> Url, string Label, IStringLocalizer? Localizer = null) : IHtmlContent
{
    private const string HiddenStart = "<span class=\"visually-hidden\">";
    private const string HiddenEnd = "</span>";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (Count <= 1)
        {
            return;
        }
        writer.Write("<nav class=\"pagination\" aria-label=\"");
        encoder.Encode(writer, Label);
        writer.Write("\">\n<ul>\n");
        if (Current > 1)
        {
            Link(writer, encoder, Current - 1, " rel=\"prev\"", Words("Previous{0} page{1}", encoder));
        }
        var pageWord = Localizer is null ? "Page" : Localizer["Page"].Value;
        foreach (var number in Paging.Links(Current, Count))
        {
            if (number is not { } page)
            {
                writer.Write("<li aria-hidden=\"true\">…</li>\n");
                continue;
            }
            Link(writer, encoder, page, page == Current ? " aria-current=\"page\"" : "",
                HiddenStart + encoder.Encode(pageWord) + " " + HiddenEnd + page.ToString(CultureInfo.InvariantCulture));
        }
        if (Current < Count)
        {
            Link(writer, encoder, Current + 1, " rel=\"next\"", Words("Next{0} page{1}", encoder));
        }
        writer.Write("</ul>\n</nav>\n");
    }

    /// <summary>"Previous page" with its second part for screen readers only; the translation decides which part shows.</summary>
    private string Words(string key, HtmlEncoder encoder)
    {
        var text = Localizer is null ? key : Localizer[key].Value;
        return string.Format(CultureInfo.InvariantCulture, encoder.Encode(text), HiddenStart, HiddenEnd);
    }

    private void Link(TextWriter writer, HtmlEncoder encoder, int page, string attributes, string content)
    {
        writer.Write("<li><a href=\"");
        encoder.Encode(writer, Url(page));
        writer.Write('"');
        writer.Write(attributes);
        writer.Write('>');
        writer.Write(content);
        writer.Write("</a></li>\n");
    }
}
