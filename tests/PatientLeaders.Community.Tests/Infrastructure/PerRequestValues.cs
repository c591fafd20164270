using System.Text.RegularExpressions;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>What differs between two renderings of the same page by design: antiforgery tokens and CSP nonces.</summary>
public static partial class PerRequestValues
{
    /// <summary>The page with those values emptied, so two renderings can be compared byte for byte.</summary>
    public static string Blanked(string html) => PerRequest().Replace(html, "$1\"\"");

    [GeneratedRegex("(name=\"__RequestVerificationToken\"[^>]*? value=|nonce=)\"[^\"]*\"")]
    private static partial Regex PerRequest();
}
