using System.Text.RegularExpressions;

namespace PatientLeaders.Community.Web.Features.Forum.Search;

/// <summary>One piece of a search snippet; the view writes matched pieces inside &lt;mark&gt;, all of it encoded.</summary>
public sealed record SnippetPart(string Text, bool IsMatch);

/// <summary>
/// A short excerpt around the first match, split into plain and matched parts. No HTML is built here: the Razor
/// view encodes every part and adds the &lt;mark&gt; elements itself, so member text can never become markup.
/// </summary>
public static partial class SearchSnippet
{
    public const int Length = 240;

    public static IReadOnlyList<SnippetPart> Build(string text, IReadOnlyList<string> words)
    {
        var stems = words.Select(FullTextQuery.Fold).Where(w => w.Length > 0).Select(Stem).ToHashSet();
        var tokens = Token().Matches(text).Where(m => stems.Contains(Stem(FullTextQuery.Fold(m.Value)))).ToList();
        var start = 0;
        if (tokens.Count > 0 && tokens[0].Index > Length / 3)
        {
            start = tokens[0].Index - Length / 3;
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < tokens[0].Index ? space + 1 : start;
        }
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > start ? space : end;
        }

        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("… ", false));
        }
        var at = start;
        foreach (var token in tokens.Where(t => t.Index >= start && t.Index + t.Length <= end))
        {
            if (token.Index > at)
            {
                parts.Add(new SnippetPart(text[at..token.Index], false));
            }
            parts.Add(new SnippetPart(token.Value, true));
            at = token.Index + token.Length;
        }
        if (end > at)
        {
            parts.Add(new SnippetPart(text[at..end], false));
        }
        if (end < text.Length)
        {
            parts.Add(new SnippetPart(" …", false));
        }
        return parts;
    }

    // Not "er": "career" is no form of "care".
    private static readonly string[] Endings = ["ingly", "edly", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s", "y"];

    /// <summary>
    /// A word of the text is marked when its stem is a searched word's. The index stems with Porter's algorithm;
    /// cutting the commonest English endings off both is close enough to mark "walked" when "walking" was searched.
    /// </summary>
    private static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }
        // "care" and "cared", "place" and "places" meet at "car" and "plac".
        return word.Length > 3 && word[^1] == 'e' ? word[..^1] : word;
    }

    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}]+")]
    private static partial Regex Token();
}
