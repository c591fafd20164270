using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PatientLeaders.Community.Web.Infrastructure.Content;

/// <summary>
/// HTML that has been through <see cref="HtmlSanitizer"/>. It is the only type a view may emit unencoded:
/// Razor writes it as-is with <c>@post.Html</c>, so no <c>Html.Raw</c> call is needed anywhere.
/// Only the sanitizer can create one.
/// </summary>
public sealed class SanitizedHtml : IHtmlContent, IEquatable<SanitizedHtml>
{
    internal SanitizedHtml(string value) => Value = value;

    public static SanitizedHtml Empty { get; } = new(string.Empty);

    public string Value { get; }

    public bool IsEmpty => Value.Length == 0;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Value);
    }

    public bool Equals(SanitizedHtml? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SanitizedHtml);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
