using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PatientLeaders.Community.Web.Infrastructure.Content;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// A post's body, behind its content note when it has one. Written straight to the page (not through a partial):
/// the note is encoded; the body is the sanitizer's output, the only HTML a view writes unencoded.
/// </summary>
/// <param name="NoteLabel">"Content note:" in the reader's language.</param>
public sealed record PostBodyModel(SanitizedHtml Html, string ContentNote, string NoteLabel, string Language = "") : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (ContentNote.Length > 0)
        {
            writer.Write("<details class=\"content-note\">\n<summary>");
            encoder.Encode(writer, NoteLabel);
            writer.Write(' ');
            writer.Write(Language.Length > 0 ? "<span" + LangAttribute + ">" : "<span>");
            encoder.Encode(writer, ContentNote);
            writer.Write("</span></summary>\n");
        }
        writer.Write("<div class=\"user-content\"" + LangAttribute + ">");
        Html.WriteTo(writer, encoder);
        writer.Write("</div>");
        if (ContentNote.Length > 0)
        {
            writer.Write("\n</details>");
        }
    }

    /// <summary> lang="…" for the author's language (one of the site's cultures, so nothing to escape), or nothing.</summary>
    private string LangAttribute => SiteCultures.Match(Language) is { } culture ? $" lang=\"{culture}\"" : "";
}
