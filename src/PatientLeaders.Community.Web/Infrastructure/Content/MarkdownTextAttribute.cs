using System.ComponentModel.DataAnnotations;

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
}
