using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>Marks an invalid control with aria-invalid and links it to its error message and hint.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    // After the framework's own input tag helpers, so the id they generate is known.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = new List<string>();
        if (FieldErrors.For(ViewContext, For.Name).Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            describedBy.Add(FieldErrors.MessageId(ViewContext, For.Name));
        }
        if (context.Items.TryGetValue(FormFieldTagHelper.HintIdItem, out var hintId) && hintId is string hint)
        {
            describedBy.Add(hint);
        }
        if (output.Attributes.TryGetAttribute("aria-describedby", out var existing))
        {
            describedBy.Add(existing.Value?.ToString() ?? "");
        }
        if (describedBy.Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy.Where(d => d.Length > 0)));
        }
    }
}
