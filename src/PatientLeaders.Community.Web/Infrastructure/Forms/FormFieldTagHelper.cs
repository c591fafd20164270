using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// <c>&lt;form-field for="Input.Email" label="Email address" hint="…"&gt;&lt;input asp-for="Input.Email"&gt;&lt;/form-field&gt;</c>:
/// the label, hint and error message of one control, linked to it for screen readers.
/// </summary>
[HtmlTargetElement("form-field")]
public sealed class FormFieldTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
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
        var field = FieldMarkup.For(ViewContext, For.Name, Label, Hint);
        if (field.HintId is { } hintId)
        {
            context.Items[HintIdItem] = hintId;
        }
        var children = await output.GetChildContentAsync();
        output.TagName = "div";
        output.Attributes.SetAttribute("class", field.Class);
        output.Content.AppendHtml(field.Heading(localizer["Error: "]));
        output.Content.AppendHtml(children);
    }
}
