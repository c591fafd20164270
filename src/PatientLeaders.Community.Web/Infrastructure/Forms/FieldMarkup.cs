using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// One form field's label, hint and error message, and the names and ids that link its control to them. Behind
/// <see cref="FormFieldTagHelper"/>; a template on a hot page (the reply composer under every thread) uses it
/// directly and writes its control as plain markup, without the framework's input tag helpers.
/// </summary>
public sealed class FieldMarkup
{
    private FieldMarkup(string name, string label, string? hint, IReadOnlyList<string> errors)
    {
        Name = name;
        Id = FieldErrors.ControlId(name);
        Label = label;
        Hint = hint;
        Errors = errors;
    }

    /// <summary>The field of <paramref name="expression"/> (a property of the view's model) in the view's prefix.</summary>
    public static FieldMarkup For(ViewContext viewContext, string expression, string label, string? hint = null) =>
        new(viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression), label, hint, FieldErrors.For(viewContext, expression));

    /// <summary>The control's <c>name</c>: the model state key.</summary>
    public string Name { get; }

    /// <summary>The control's <c>id</c>, which the label names.</summary>
    public string Id { get; }

    public string Label { get; }

    public string? Hint { get; }

    public IReadOnlyList<string> Errors { get; }

    public string? HintId => Hint is null ? null : Id + "-hint";

    public string ErrorId => Id + "-error";

    /// <summary>The wrapper's class: red and bordered while the field has an error.</summary>
    public string Class => Errors.Count > 0 ? "field field-invalid" : "field";

    /// <summary>The control's <c>aria-invalid</c>: "true" or left out.</summary>
    public string? Invalid => Errors.Count > 0 ? "true" : null;

    /// <summary>The control's <c>aria-describedby</c>: the error, then the hint; null (left out) when it has neither.</summary>
    public string? DescribedBy => (Errors.Count > 0, HintId) switch
    {
        (true, null) => ErrorId,
        (true, { } hint) => ErrorId + " " + hint,
        (false, var hint) => hint,
    };

    /// <summary>The label, the hint and the error message, in that order, as they stand above the control.</summary>
    public IHtmlContent Heading(string errorPrefix)
    {
        var encoder = HtmlEncoder.Default;
        var html = $"<label for=\"{encoder.Encode(Id)}\">{encoder.Encode(Label)}</label>";
        if (Hint is not null)
        {
            html += $"<p class=\"hint\" id=\"{encoder.Encode(HintId!)}\">{encoder.Encode(Hint)}</p>";
        }
        if (Errors.Count > 0)
        {
            html += $"<p class=\"field-error\" id=\"{encoder.Encode(ErrorId)}\"><span class=\"visually-hidden\">{encoder.Encode(errorPrefix)}</span>{encoder.Encode(string.Join(" ", Errors))}</p>";
        }
        return new HtmlString(html);
    }
}
