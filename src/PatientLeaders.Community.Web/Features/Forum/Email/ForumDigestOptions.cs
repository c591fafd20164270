using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Forum.Email;

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

    /// <summary>
    /// How far back a missed digest is caught up. If the job did not run while a period was due (the server was down),
    /// the next digest covers everything since the member's last digest, in one mail, as long as that digest was sent
    /// within this many days; otherwise it covers only its own period.
    /// </summary>
    [Range(1, 60)]
    public int CatchUpDays { get; set; } = 14;

    /// <summary>Run the digest job in this process.</summary>
    public bool Enabled { get; set; } = true;
}
