namespace PatientLeaders.Community.Web.Features.Sets;

public static class SetForms
{
    /// <summary>Handles separated by commas, spaces or new lines, with or without @.</summary>
    public static IReadOnlyList<string> SplitHandles(string? text) =>
        (text ?? "").Split([',', ' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.TrimStart('@'))
            .Where(h => h.Length is > 0 and <= 40)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
