using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;

namespace PatientLeaders.Community.Web.Infrastructure.Content;

/// <summary>
/// AngleSharp's HTML serializer, except that attribute values also escape <c>&lt;</c> and <c>&gt;</c> (as current
/// browsers do), so no markup-looking text survives inside an attribute should the output ever be re-parsed in
/// another context.
/// </summary>
internal sealed class SanitizedMarkupFormatter : IMarkupFormatter
{
    public static readonly SanitizedMarkupFormatter Instance = new();

    private static readonly IMarkupFormatter Html = HtmlMarkupFormatter.Instance;

    public string Text(ICharacterData text) => Html.Text(text);

    public string LiteralText(ICharacterData text) => Html.LiteralText(text);

    public string Comment(IComment comment) => string.Empty;

    public string Processing(IProcessingInstruction processing) => string.Empty;

    public string Doctype(IDocumentType doctype) => string.Empty;

    public string CloseTag(IElement element, bool selfClosing) => Html.CloseTag(element, selfClosing);

    public string OpenTag(IElement element, bool selfClosing)
    {
        var builder = new System.Text.StringBuilder();
        builder.Append('<').Append(element.LocalName);
        foreach (var attribute in element.Attributes)
        {
            builder.Append(' ').Append(attribute.Name).Append("=\"");
            foreach (var c in attribute.Value)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '"': builder.Append("&quot;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '\u00A0': builder.Append("&nbsp;"); break;
                    default: builder.Append(c); break;
                }
            }

            builder.Append('"');
        }

        return builder.Append('>').ToString();
    }
}
