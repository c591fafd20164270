using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Infrastructure.Content;

/// <summary>
/// On every input property that is shown through <see cref="MarkdownRenderer"/>: text whose formatting cannot be
/// rendered is refused when saved, with the text kept in the form. (Rendering never fails a page either: stored
/// text from before this check is shown as plain text.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MarkdownTextAttribute() : ValidationAttribute(MarkdownRenderer.NotRenderableMessage)
{
    public override bool IsValid(object? value) => MarkdownRenderer.IsRenderable(value as string);

    /// <summary>The message in the reader's language when validated in a request.</summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValid(value))
        {
            return ValidationResult.Success;
        }
        var localizer = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
        var members = validationContext.MemberName is { } name ? new[] { name } : null;
        return new ValidationResult(localizer?[MarkdownRenderer.NotRenderableMessage].Value ?? MarkdownRenderer.NotRenderableMessage, members);
    }
}
