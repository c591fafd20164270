namespace PatientLeaders.Community.Web.Infrastructure.Content;
public readonly record struct SanitizedHtml(string Value) : Microsoft.AspNetCore.Html.IHtmlContent
{
    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder) => writer.Write(Value);
}
