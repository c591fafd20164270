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

    /// <summary>
    /// How long a page of results is remembered (<see cref="SearchCache"/>); 0 turns the cache off. Any write that
    /// changes what a search finds or shows ends every entry at once, so this only bounds memory and, on SQL Server,
    /// how long a page can miss a post its full-text engine had not indexed yet when the page was found.
    /// </summary>
    [Range(0, 3_600)]
    public int CacheSeconds { get; set; } = 60;

    /// <summary>The most pages of results remembered at once.</summary>
    [Range(1, 100_000)]
    public int CacheEntries { get; set; } = 2_000;
}
