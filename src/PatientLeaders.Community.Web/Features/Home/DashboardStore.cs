using System.Data.Common;
using System.Security.Claims;
using Dapper;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Involvement.Opportunities;
using PatientLeaders.Community.Web.Features.Involvement.Pool;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Profiles;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Programmes.Outcomes;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.Features.Home;

/// <summary>
/// Gathers a member's home from the features' own statements: sets, mentoring, discussions, drafts, the pool and the
/// programmes. The member's own rows are read in one command of each feature's statements; what every member
/// shares (the categories, the latest discussions, the open opportunities) comes from those features' caches. Each
/// read is the member's own data or what the forum's visibility rules let them see.
/// </summary>
public sealed class DashboardStore(DbConnectionFactory db, ForumAccess forum, ThreadStore threads, OpportunityStore opportunities, TimeProvider clock)
{
    public const int DiscussionCount = 6;

    public const int OpportunityCount = 3;

    public async Task<Dashboard> LoadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var memberId = CurrentMember.Id(user);
        await using var connection = await db.OpenAsync(ct);
        var own = await ReadOwnRowsAsync(connection, memberId, ct);
        if (own.OpenRequests.Count > 0)
        {
            await MentoringStore.AttachChoicesAsync(connection, null, own.OpenRequests, ct);
        }
        var viewer = ForumViewer.From(user);
        var visible = (await forum.VisibleCategoriesAsync(viewer, ct)).ToDictionary(c => c.Id);
        var followed = own.FollowedCategories.Where(visible.ContainsKey).ToList();
        return new Dashboard
        {
            Sets = own.Sets,
            NextSet = own.Sets.Where(s => s.NextMeetingAt is not null).OrderBy(s => s.NextMeetingAt).FirstOrDefault(),
            Pairs = own.Pairs.Select(p => new MentoringPair(p, p.IsMentor(memberId), own.UnreadMessages.GetValueOrDefault(p.Id))).ToList(),
            WaitingForAnswer = user.IsInRole(Roles.Mentor) ? own.WaitingForAnswer : 0,
            OpenRequests = own.OpenRequests,
            Discussions = await threads.LatestAsync(followed.Count > 0 ? followed : visible.Keys.ToList(), memberId, null, false, DiscussionCount, ct),
            Categories = visible,
            FromFollowedCategories = followed.Count > 0,
            Drafts = own.Drafts,
            InPool = own.PoolProfile is not null,
            Opportunities = own.PoolProfile is null ? []
                : OpportunityMatcher.Rank(own.PoolProfile, await opportunities.OpenAsync(ct), Roles.OrganisationsOf(user)).Take(OpportunityCount).ToList(),
            Offers = own.Applications.Where(a => a.Status == ApplicationStatus.Offered).ToList(),
            Questionnaires = own.Responses.Where(o => o.SubmittedAt is null).ToList(),
            ProfileGaps = Gaps(own.Profile),
        };
    }

    private sealed record OwnRows(
        IReadOnlyList<SetListItem> Sets,
        IReadOnlyList<Relationship> Pairs,
        IReadOnlyDictionary<long, int> UnreadMessages,
        int WaitingForAnswer,
        IReadOnlyList<MentoringRequest> OpenRequests,
        IReadOnlyList<long> FollowedCategories,
        PoolProfile? PoolProfile,
        int Drafts,
        IReadOnlyList<MyApplication> Applications,
        IReadOnlyList<OutcomeResponse> Responses,
        ProfileView? Profile);

    private async Task<OwnRows> ReadOwnRowsAsync(DbConnection connection, long memberId, CancellationToken ct)
    {
        await using var rows = await connection.QueryMultipleAsync(new CommandDefinition(HomeSql.OwnRows, new
        {
            MemberId = memberId,
            MentorId = memberId,
            MenteeId = memberId,
            Since = clock.GetUtcNow().AddHours(-12),
        }, cancellationToken: ct));
        return new OwnRows(
            Sets: (await rows.ReadAsync<SetListItem>()).AsList(),
            Pairs: (await rows.ReadAsync<Relationship>()).Where(p => p.Status == RelationshipStatus.Active).ToList(),
            UnreadMessages: (await rows.ReadAsync<(long RelationshipId, int Unread)>()).ToDictionary(r => r.RelationshipId, r => r.Unread),
            WaitingForAnswer: (await rows.ReadAsync<RequestChoice>()).Count(),
            OpenRequests: (await rows.ReadAsync<MentoringRequest>()).Where(r => RequestStatus.IsOpen(r.Status)).ToList(),
            FollowedCategories: (await rows.ReadAsync<long>()).AsList(),
            PoolProfile: await rows.ReadSingleOrDefaultAsync<PoolProfile>(),
            Drafts: await rows.ReadSingleAsync<int>(),
            Applications: (await rows.ReadAsync<MyApplication>()).AsList(),
            Responses: (await rows.ReadAsync<OutcomeResponse>()).AsList(),
            Profile: await rows.ReadSingleOrDefaultAsync<ProfileView>());
    }

    private static IReadOnlyList<string> Gaps(ProfileView? profile)
    {
        if (profile is null)
        {
            return [];
        }
        var gaps = new List<string>();
        if (profile.Bio.Trim().Length == 0) { gaps.Add("a few words about you"); }
        if (profile.Region.Trim().Length == 0) { gaps.Add("your region"); }
        if (profile.Interests.Trim().Length == 0) { gaps.Add("your interests"); }
        return gaps;
    }
}
