namespace PatientLeaders.Community.Web.Features.Forum.Threads.PostMarkup;

/// <summary>The holes in a post's shared markup (<see cref="PostShape"/>), filled for each reader on each request.</summary>
public enum PostHole
{
    /// <summary>The antiforgery token of the post's action form.</summary>
    Token,

    /// <summary>The "New" tag, or nothing.</summary>
    NewTag,

    /// <summary>aria-pressed of the Bookmark button.</summary>
    Bookmarked,

    /// <summary>aria-pressed of the first reaction's button; the others follow in <see cref="ReactionKinds.All"/> order.</summary>
    FirstReaction,
}

/// <summary>What one reader sees differently in a post: the only values that fill <see cref="PostHole"/>s.</summary>
/// <param name="NewTagHtml">The "New" tag's markup, its words already encoded.</param>
public sealed record PostReaderState(string Token, bool IsNew, string NewTagHtml, bool Bookmarked, IReadOnlySet<string> Reacted)
{
    private static readonly IReadOnlySet<string> Nobody = new HashSet<string>();

    /// <summary>The state the template is given while its markup is remembered: every hole is marked, none filled.</summary>
    public static readonly PostReaderState Remembering = new("", false, "", false, Nobody);

    public static PostReaderState From(PostItem item, string token, string newTagHtml) => new(
        token, item.IsNew, newTagHtml, item.IsBookmarked,
        item.Viewer.MemberId is { } id ? item.Reactions.Where(r => r.MemberId == id).Select(r => r.Kind).ToHashSet(StringComparer.Ordinal) : Nobody);


    /// <summary>A hole in the template: the value when written to the page, a mark when the markup is being remembered.</summary>
    public PostHoleContent Hole(PostHole hole) => new(this, hole);

    public PostHoleContent Reaction(string kind) => Hole(PostHole.FirstReaction + ReactionIndex(kind));

    public string Value(PostHole hole) => hole switch
    {
        PostHole.Token => Token,
        PostHole.NewTag => IsNew ? NewTagHtml : "",
        PostHole.Bookmarked => Pressed(Bookmarked),
        >= PostHole.FirstReaction => Pressed(Reacted.Contains(ReactionKinds.All[hole - PostHole.FirstReaction])),
        _ => throw new ArgumentOutOfRangeException(nameof(hole)),
    };

    private static string Pressed(bool pressed) => pressed ? "true" : "false";

    private static int ReactionIndex(string kind)
    {
        for (var i = 0; i < ReactionKinds.All.Count; i++)
        {
            if (ReactionKinds.All[i] == kind)
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(kind));
    }
}
