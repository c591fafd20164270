using System.Globalization;

namespace PatientLeaders.Community.Web.Features.Forum.Search;

/// <summary>
/// Where the next page of search results starts: after the candidate (Score, PostId) last shown. Depth counts the
/// candidates passed so far (SQL Server's top_n_by_rank needs it), Shown the results shown so far (for "results
/// 51 to 100") and BandTop, on SQLite's best-match-first, the newest post id of the band being ranked (0: the
/// newest band). It is only a position: visibility is decided afresh on every page, so a forged cursor can at most
/// skip results. Written "score~id~depth~shown~bandtop" in the page's links.
/// A cursor only goes forward (the full-text engines rank one way, and SQL Server's depth counts from the top), so the
/// way back is a trail: each page's link carries the cursors of the pages before it ("back", see <see cref="FormatTrail"/>),
/// and "Previous" pops the last one. It grows by one short cursor a page, up to <see cref="MaxTrail"/>.
/// </summary>
public sealed record SearchCursor(double Score, long PostId, int Depth, int Shown, long BandTop = 0)
{
    public override string ToString() => string.Join('~',
        Score.ToString("R", CultureInfo.InvariantCulture), PostId.ToString(CultureInfo.InvariantCulture),
        Depth.ToString(CultureInfo.InvariantCulture), Shown.ToString(CultureInfo.InvariantCulture), BandTop.ToString(CultureInfo.InvariantCulture));

    public static SearchCursor? Parse(string? text)
    {
        var parts = (text ?? "").Split('~');
        long bandTop = 0;
        return parts.Length is 4 or 5
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var postId)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var depth)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var shown)
            && (parts.Length == 4 || long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out bandTop))
                ? new SearchCursor(score, postId, depth, shown, bandTop)
                : null;
    }

    /// <summary>The most earlier pages a link remembers (5,000 results back); beyond that "Previous" stops and "first results" remains.</summary>
    public const int MaxTrail = 100;

    private const char TrailSeparator = '_';

    /// <summary>The cursors of earlier pages, oldest first, keeping the latest <see cref="MaxTrail"/>; null when there are none.</summary>
    public static string? FormatTrail(IEnumerable<SearchCursor> trail)
    {
        var kept = trail.TakeLast(MaxTrail).ToList();
        return kept.Count == 0 ? null : string.Join(TrailSeparator, kept);
    }

    /// <summary>An unreadable trail is an empty one: "Previous" then falls back to the first results.</summary>
    public static IReadOnlyList<SearchCursor> ParseTrail(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var cursors = text.Split(TrailSeparator).Take(MaxTrail + 1).Select(Parse).ToList();
        return cursors.Count <= MaxTrail && cursors.All(c => c is not null) ? cursors.Select(c => c!).ToList() : [];
    }
}
