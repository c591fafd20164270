using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>Why a new member cannot post just now, in plain words, and when they can.</summary>
public sealed record PostingPause(string Message, DateTimeOffset Until);

/// <summary>
/// Checks <see cref="NewMemberOptions"/> before a new thread or reply is written. One query over
/// IX_Posts_AuthorId (AuthorId, CreatedAt): a member's first-day posts are few by definition.
/// </summary>
public sealed class NewMemberLimits(DbConnectionFactory db, TimeProvider clock, IOptions<NewMemberOptions> options)
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
        var hours = limits.FirstDayHours == 24 ? "day" : $"{limits.FirstDayHours} hours";
        if (newThread && limits.MaxThreadsInFirstDay > 0 && activity.Threads >= limits.MaxThreadsInFirstDay)
        {
            return new PostingPause(
                $"Thank you for starting {Plural(activity.Threads, "thread")} already. New members can start {limits.MaxThreadsInFirstDay} in their first {hours}, "
                + $"which keeps the forum calm while everyone gets to know each other. It is the same for everyone and says nothing about what you wrote. "
                + $"You can start this thread from {When(firstDayEnds, now)}. Your text is safe: it is still here and saved as a draft. You can reply to other threads meanwhile.",
                firstDayEnds);
        }
        if (!newThread && limits.MaxRepliesInFirstDay > 0 && activity.Replies >= limits.MaxRepliesInFirstDay)
        {
            return new PostingPause(
                $"Thank you for all your replies. New members can post {limits.MaxRepliesInFirstDay} replies in their first {hours}, "
                + $"which keeps the forum calm while everyone gets to know each other. It is the same for everyone and says nothing about what you wrote. "
                + $"You can post this reply from {When(firstDayEnds, now)}. Your text is safe: it is still here and saved as a draft.",
                firstDayEnds);
        }
        if (limits.SecondsBetweenPosts > 0 && activity.LastPostAt is { } last && last.AddSeconds(limits.SecondsBetweenPosts) > now)
        {
            var until = last.AddSeconds(limits.SecondsBetweenPosts);
            var seconds = (int)Math.Ceiling((until - now).TotalSeconds);
            return new PostingPause(
                $"Please wait {Plural(seconds, "second")} before posting again. In their first {hours}, new members leave {limits.SecondsBetweenPosts} seconds between posts. "
                + $"Your text is safe: it is still here and saved as a draft. You can post it from {When(until, now)}.",
                until);
        }
        return null;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string When(DateTimeOffset at, DateTimeOffset now) =>
        at.UtcDateTime.Date == now.UtcDateTime.Date
            ? at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC today"
            : at.UtcDateTime.ToString("HH:mm 'UTC on' d MMMM", CultureInfo.InvariantCulture);
}
