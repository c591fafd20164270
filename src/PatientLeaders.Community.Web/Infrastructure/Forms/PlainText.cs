using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// Names and titles people see in lists (display names, thread titles, set and category names) are plain text:
/// no control characters (C0, C1), no bidirectional overrides, embeddings or isolates (which can make a name read
/// backwards), and something visible once zero-width characters are taken away. Posts keep their text as written.
/// </summary>
public static class PlainText
{
    public const string HasControls = "Remove the hidden control or text-direction characters from this";
    public const string IsInvisible = "Write something that can be seen, not only spaces or invisible characters";

    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool IsZeroWidth(char c) => c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    public static bool HasForbidden(string text) => text.Any(c => char.IsControl(c) || IsBidiControl(c));

    public static bool IsBlank(string text) => text.All(c => char.IsWhiteSpace(c) || IsZeroWidth(c));

    /// <summary>
    /// How a name looks: compatibility-normalised (NFKC: "Ａｄａ" is "Ada"), without format characters (zero-width
    /// and direction marks), spaces collapsed, case ignored. Two names with one skeleton read the same to a person.
    /// </summary>
    public static string Skeleton(string name)
    {
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || IsZeroWidth(c))
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }
}

/// <summary>Validates a name or title with <see cref="PlainText"/>'s rules; an empty value is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || text.Length == 0)
        {
            return ValidationResult.Success;
        }
        var members = validationContext.MemberName is { } name ? new[] { name } : null;
        // In a request the message is in the reader's language; elsewhere (a unit test) it is the English key.
        var localizer = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
        string Say(string key) => localizer?[key].Value ?? key;
        if (PlainText.HasForbidden(text))
        {
            return new ValidationResult(Say(PlainText.HasControls), members);
        }
        return PlainText.IsBlank(text) ? new ValidationResult(Say(PlainText.IsInvisible), members) : ValidationResult.Success;
    }
}
