namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>Tags as typed ("Mental health, co-production") become slugs ("mental-health", "co-production").</summary>
public static class TagList
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Slugs.From(t, PostLimits.TagMax))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
