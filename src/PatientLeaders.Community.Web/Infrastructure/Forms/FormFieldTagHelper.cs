using Microsoft.Extensions.Localization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// <c>&lt;form-field for="Input.Email" label="Email address" hint="…"&gt;&lt;input asp-for="Input.Email"&gt;&lt;/form-field&gt;</c>:
/// the label, hint and error message of one control, linked to it for screen readers.
/// </summary>
[HtmlTargetElement("form-field")]
public sealed class FormFieldTagHelper(HtmlEncoder encoder, IStringLocalizer<SharedResource> localizer) : TagHelper
{
    public const string HintIdItem = "form-field-hint-id";

    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public required string Label { get; set; }

    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var key = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var controlId = FieldErrors.ControlId(key);
        var hintId = controlId + "-hint";
        if (Hint is not null)
        {
            context.Items[HintIdItem] = hintId;
        }
        var children = await output.GetChildContentAsync();
        var errors = FieldErrors.For(ViewContext, For.Name);

        output.TagName = "div";
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field-invalid" : "field");
        output.Content.AppendHtml($"<label for=\"{encoder.Encode(controlId)}\">{encoder.Encode(Label)}</label>");
        if (Hint is not null)
        {
            output.Content.AppendHtml($"<p class=\"hint\" id=\"{encoder.Encode(hintId)}\">{encoder.Encode(Hint)}</p>");
        }
        if (errors.Count > 0)
        {
            output.Content.AppendHtml($"<p class=\"field-error\" id=\"{encoder.Encode(controlId)}-error\"><span class=\"visually-hidden\">{encoder.Encode(localizer["Error: "])}</span>{encoder.Encode(string.Join(" ", errors))}</p>");
        }
        output.Content.AppendHtml(children);
    }
}
