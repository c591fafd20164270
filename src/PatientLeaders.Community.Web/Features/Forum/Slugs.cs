using System.Globalization;
using System.Text;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>URL words from titles and names: lower-case ASCII letters and digits joined by single hyphens.</summary>
public static class Slugs
{
    public static string From(string text, int maxLength = 60)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(lower);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
            if (builder.Length >= maxLength)
            {
                break;
            }
        }
        return builder.ToString().TrimEnd('-');
    }

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= 60 && slug == From(slug);
}
