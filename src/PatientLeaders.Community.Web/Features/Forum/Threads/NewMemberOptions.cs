using System.ComponentModel.DataAnnotations;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// Gentle limits for a member's first day, from Discourse's defaults (rate_limit_new_user_create_post 30 s,
/// max_topics_in_first_day 3, max_replies_in_first_day 10). Counted from when the account was created; moderators,
/// admins and facilitators are exempt. A limit of 0 turns that limit off; FirstDayHours 0 turns them all off.
/// </summary>
public sealed class NewMemberOptions
{
    public const string Section = "ForumNewMembers";

    [Range(0, 24 * 365)]
    public int FirstDayHours { get; set; } = 24;

    [Range(0, 3600)]
    public int SecondsBetweenPosts { get; set; } = 30;

    [Range(0, 10_000)]
    public int MaxThreadsInFirstDay { get; set; } = 3;

    [Range(0, 10_000)]
    public int MaxRepliesInFirstDay { get; set; } = 10;
}
