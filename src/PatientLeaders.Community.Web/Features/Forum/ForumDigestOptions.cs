using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Forum;

public sealed class ForumDigestOptions
{
    public const string Section = "ForumDigests";

    /// <summary>
    /// The UTC hour from which digests go out: a daily digest covers the previous UTC day, a weekly digest the previous
    /// ISO week (Monday to Sunday) and goes out on Monday.
    /// </summary>
    [Range(0, 23)]
    public int HourUtc { get; set; } = 7;

    /// <summary>How often the digest job looks for members whose digest is due.</summary>
    [Range(1, 1440)]
    public int PollMinutes { get; set; } = 10;

    /// <summary>The most posts quoted in one digest; the rest are summed up with a link to the forum.</summary>
    [Range(1, 500)]
    public int MaxPosts { get; set; } = 50;

    /// <summary>Run the digest job in this process.</summary>
    public bool Enabled { get; set; } = true;
}
