using System.Globalization;
using Dapper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>Why a new member cannot post just now, in plain words (the reader's language), and when they can.</summary>
public sealed record PostingPause(string Message, DateTimeOffset Until);

/// <summary>
/// Checks <see cref="NewMemberOptions"/> before a new thread or reply is written. One query over
/// IX_Posts_AuthorId (AuthorId, CreatedAt): a member's first-day posts are few by definition.
/// </summary>
public sealed class NewMemberLimits(DbConnectionFactory db, TimeProvider clock, IOptions<NewMemberOptions> options,
    IStringLocalizer<SharedResource> localizer)
{
    private sealed record Activity
    {
        public DateTimeOffset JoinedAt { get; init; }
        public int Threads { get; init; }
        public int Replies { get; init; }
        public DateTimeOffset? LastPostAt { get; init; }
    }

    public static bool IsExempt(ForumViewer viewer) => viewer.IsModerator || viewer.Roles.Contains(Roles.Facilitator);

    /// <summary>Null when the member may post now.</summary>
    public async Task<PostingPause?> CheckAsync(ForumViewer viewer, bool newThread, CancellationToken ct)
    {
        var limits = options.Value;
        if (viewer.MemberId is not { } memberId || IsExempt(viewer) || limits.FirstDayHours == 0)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var activity = await connection.QuerySingleOrDefaultAsync<Activity>(new CommandDefinition(ForumSql.SelectFirstDayActivity,
            new { MemberId = memberId }, cancellationToken: ct));
        if (activity is null)
        {
            return null;
        }
        var firstDayEnds = activity.JoinedAt.AddHours(limits.FirstDayHours);
        if (now >= firstDayEnds)
        {
            return null;
        }
        // Whole sentences, one key each: the first day is "day" at 24 hours, otherwise its hours.
        var oneDay = limits.FirstDayHours == 24;
        var fair = localizer["It is the same for everyone and says nothing about what you wrote."].Value;
        if (newThread && limits.MaxThreadsInFirstDay > 0 && activity.Threads >= limits.MaxThreadsInFirstDay)
        {
            return new PostingPause(string.Join(" ",
                localizer.Plural(activity.Threads, "Thank you for starting {0} threads already."),
                oneDay
                    ? localizer.Plural(limits.MaxThreadsInFirstDay, "New members can start {0} in their first day, which keeps the forum calm while everyone gets to know each other.")
                    : localizer.Plural(limits.MaxThreadsInFirstDay, "New members can start {0} in their first {1} hours, which keeps the forum calm while everyone gets to know each other.", limits.FirstDayHours),
                fair,
                Today(firstDayEnds, now)
                    ? localizer["You can start this thread from {0} UTC today. Your text is safe: it is still here and saved as a draft. You can reply to other threads meanwhile.", Time(firstDayEnds, seconds: true)].Value
                    : localizer["You can start this thread from {0} UTC on {1}. Your text is safe: it is still here and saved as a draft. You can reply to other threads meanwhile.", Time(firstDayEnds, seconds: false), Day(firstDayEnds)].Value),
                firstDayEnds);
        }
        if (!newThread && limits.MaxRepliesInFirstDay > 0 && activity.Replies >= limits.MaxRepliesInFirstDay)
        {
            return new PostingPause(string.Join(" ",
                localizer["Thank you for all your replies."].Value,
                oneDay
                    ? localizer.Plural(limits.MaxRepliesInFirstDay, "New members can post {0} replies in their first day, which keeps the forum calm while everyone gets to know each other.")
                    : localizer.Plural(limits.MaxRepliesInFirstDay, "New members can post {0} replies in their first {1} hours, which keeps the forum calm while everyone gets to know each other.", limits.FirstDayHours),
                fair,
                Today(firstDayEnds, now)
                    ? localizer["You can post this reply from {0} UTC today. Your text is safe: it is still here and saved as a draft.", Time(firstDayEnds, seconds: true)].Value
                    : localizer["You can post this reply from {0} UTC on {1}. Your text is safe: it is still here and saved as a draft.", Time(firstDayEnds, seconds: false), Day(firstDayEnds)].Value),
                firstDayEnds);
        }
        if (limits.SecondsBetweenPosts > 0 && activity.LastPostAt is { } last && last.AddSeconds(limits.SecondsBetweenPosts) > now)
        {
            var until = last.AddSeconds(limits.SecondsBetweenPosts);
            var seconds = (int)Math.Ceiling((until - now).TotalSeconds);
            return new PostingPause(string.Join(" ",
                localizer.Plural(seconds, "Please wait {0} seconds before posting again."),
                oneDay
                    ? localizer.Plural(limits.SecondsBetweenPosts, "In their first day, new members leave {0} seconds between posts.")
                    : localizer.Plural(limits.SecondsBetweenPosts, "In their first {1} hours, new members leave {0} seconds between posts.", limits.FirstDayHours),
                Today(until, now)
                    ? localizer["Your text is safe: it is still here and saved as a draft. You can post it from {0} UTC today.", Time(until, seconds: true)].Value
                    : localizer["Your text is safe: it is still here and saved as a draft. You can post it from {0} UTC on {1}.", Time(until, seconds: false), Day(until)].Value),
                until);
        }
        return null;
    }

    private static bool Today(DateTimeOffset at, DateTimeOffset now) => at.UtcDateTime.Date == now.UtcDateTime.Date;

    private static string Time(DateTimeOffset at, bool seconds) =>
        at.UtcDateTime.ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The day and month in the reader's language ("15 January", "15 Ionawr", "15 de enero").</summary>
    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("M", CultureInfo.CurrentCulture);
}
