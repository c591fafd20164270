using System.Globalization;
using System.Text;

namespace PatientLeaders.Community.Web.Features.Forum.Search;

/// <summary>
/// Turns whatever a person types into the search box into plain words: runs of letters and digits, lower-cased,
/// at most <see cref="MaxWords"/>. Quotes, operators, wildcards and SQL are dropped, so the words can be
/// placed safely into FTS5 or CONTAINS syntax by the dialect (and they are passed as a parameter anyway).
/// </summary>
public static class FullTextQuery
{
    public const int MaxWords = 8;
    public const int MaxWordLength = 40;

    public static IReadOnlyList<string> Words(string? input)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(input))
        {
            return words;
        }
        var current = new StringBuilder();
        foreach (var rune in input.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (current.Length < MaxWordLength)
                {
                    current.Append(Rune.ToLowerInvariant(rune).ToString());
                }
            }
            else
            {
                Flush(current, words);
            }
            if (words.Count == MaxWords)
            {
                return words;
            }
        }
        Flush(current, words);
        return words;
    }

    /// <summary>The same folding the SQLite tokenizer applies (case and diacritics), for highlighting matches.</summary>
    public static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            var word = current.ToString();
            if (!words.Contains(word))
            {
                words.Add(word);
            }
            current.Clear();
        }
    }
}
