using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// A category's name after its icon, in the category's colour class; the icon is hidden from screen readers, so
/// the name alone is read. Written straight to the page: the forum index shows twenty.
/// </summary>
public sealed record CategoryName(ForumCategory Category) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<span class=\"category-name ");
        encoder.Encode(writer, CategoryStyles.CssClass(Category.Colour));
        writer.Write("\"><span class=\"category-icon\" aria-hidden=\"true\">");
        encoder.Encode(writer, CategoryStyles.Symbol(Category.Icon));
        writer.Write("</span> ");
        encoder.Encode(writer, Category.Name);
        writer.Write("</span>");
    }
}
