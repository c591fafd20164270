namespace PatientLeaders.Community.Web.Features.Mentoring;

/// <summary>One fixed list of choices: stable codes stored in the database, plain labels and the phrase used in explanations.</summary>
public sealed class Vocabulary(IReadOnlyList<VocabularyItem> items)
{
    public IReadOnlyList<VocabularyItem> Items => items;

    public bool IsKnown(string? code) => code is not null && items.Any(i => i.Code == code);

    public string Label(string code) => items.FirstOrDefault(i => i.Code == code)?.Label ?? code;

    public string Phrase(string code) => items.FirstOrDefault(i => i.Code == code)?.Phrase ?? Label(code).ToLowerInvariant();

    /// <summary>Known codes only, in vocabulary order, without duplicates: what is stored.</summary>
    public IReadOnlyList<string> Clean(IEnumerable<string>? codes)
    {
        var wanted = (codes ?? []).ToHashSet(StringComparer.Ordinal);
        return items.Where(i => wanted.Contains(i.Code)).Select(i => i.Code).ToList();
    }

    public static string Join(IEnumerable<string> codes) => string.Join(",", codes);

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed record VocabularyItem(string Code, string Label, string? Phrase = null);
