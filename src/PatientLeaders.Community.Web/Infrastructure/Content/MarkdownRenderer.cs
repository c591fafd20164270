namespace PatientLeaders.Community.Web.Infrastructure.Content;
public sealed class MarkdownRenderer
{
    public SanitizedHtml Render(string? markdown) => new(System.Net.WebUtility.HtmlEncode(markdown ?? ""));
}
