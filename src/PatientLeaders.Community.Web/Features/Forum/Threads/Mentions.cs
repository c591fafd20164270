using System.Text.RegularExpressions;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>Finds @handle mentions in plain text. Handles are the account handles: a–z, 0–9, '-' and '_'.</summary>
public static partial class Mentions
{
    public const int MaxPerPost = 10;

    /// <summary>Distinct lower-case handles, in order of first appearance, at most <see cref="MaxPerPost"/>.</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        var handles = new List<string>();
        foreach (Match match in Pattern().Matches(text))
        {
            var handle = match.Groups["handle"].Value.ToLowerInvariant().TrimEnd('-', '_');
            if (handle.Length > 0 && !handles.Contains(handle))
            {
                handles.Add(handle);
                if (handles.Count == MaxPerPost)
                {
                    break;
                }
            }
        }
        return handles;
    }

    /// <summary>Each mention in <paramref name="text"/> as (start, length, handle), for linking.</summary>
    public static IEnumerable<(int Index, int Length, string Handle)> Find(string text)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var group = match.Groups["handle"];
            var handle = group.Value.TrimEnd('-', '_');
            if (handle.Length > 0)
            {
                yield return (group.Index - 1, handle.Length + 1, handle.ToLowerInvariant());
            }
        }
    }

    // Not after a word character, '@', '.' or '/', so email addresses and URLs are not mentions.
    [GeneratedRegex(@"(?<![\w@./])@(?<handle>[A-Za-z0-9_-]{1,40})(?![A-Za-z0-9_@-])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
