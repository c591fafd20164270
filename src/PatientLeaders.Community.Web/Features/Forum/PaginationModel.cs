using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// Numbered page links with previous and next, nothing when there is one page. Written straight to the page rather
/// than through a partial view: a thread page shows it twice, and each partial costs a view lookup and context.
/// </summary>
public sealed record PaginationModel(int Current, int Count, Func<int, string> Url, string Label) : IHtmlContent
{
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
            Link(writer, encoder, Current - 1, " rel=\"prev\"", "Previous<span class=\"visually-hidden\"> page</span>");
        }
        foreach (var number in Paging.Links(Current, Count))
        {
            if (number is not { } page)
            {
                writer.Write("<li aria-hidden=\"true\">…</li>\n");
                continue;
            }
            Link(writer, encoder, page, page == Current ? " aria-current=\"page\"" : "",
                "<span class=\"visually-hidden\">Page </span>" + page.ToString(CultureInfo.InvariantCulture));
        }
        if (Current < Count)
        {
            Link(writer, encoder, Current + 1, " rel=\"next\"", "Next<span class=\"visually-hidden\"> page</span>");
        }
        writer.Write("</ul>\n</nav>\n");
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
