using System.Globalization;

namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>
/// Where the next page of search results starts: after the candidate (Score, PostId) last shown. Depth counts the
/// candidates passed so far (SQL Server's top_n_by_rank needs it) and Shown the results shown so far (for "results
/// 51 to 100"). It is only a position: visibility is decided afresh on every page, so a forged cursor can at most
/// skip results. Written "score~id~depth~shown" in the page's links.
/// </summary>
public sealed record SearchCursor(double Score, long PostId, int Depth, int Shown)
{
    public override string ToString() => string.Join('~',
        Score.ToString("R", CultureInfo.InvariantCulture), PostId.ToString(CultureInfo.InvariantCulture),
        Depth.ToString(CultureInfo.InvariantCulture), Shown.ToString(CultureInfo.InvariantCulture));

    public static SearchCursor? Parse(string? text)
    {
        var parts = (text ?? "").Split('~');
        return parts.Length == 4
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var postId)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var depth)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var shown)
                ? new SearchCursor(score, postId, depth, shown)
                : null;
    }
}
