using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Forum.Search;

public sealed class ForumSearchOptions
{
    public const string Section = "ForumSearch";

    /// <summary>
    /// Best match first ranks the matches this many at a time, newest first: the best of the latest band, then the
    /// best of the band before it. A word in fewer posts than this is ranked over all of them; a very common word
    /// costs one band's ranking instead of ranking every post that has it (SQLite; SQL Server ranks in its engine).
    /// </summary>
    [Range(1, 100_000)]
    public int RankBand { get; set; } = 5_000;
}
