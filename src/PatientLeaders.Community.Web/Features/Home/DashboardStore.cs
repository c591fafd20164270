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
/// Gathers a member's home from the features' own stores: sets, mentoring, discussions, drafts, the pool and the
/// programmes. Each read is the member's own data or what the forum's visibility rules let them see.
/// </summary>
public sealed class DashboardStore(DbConnectionFactory db, SetStore sets, RelationshipStore relationships, MentoringStore mentoring,
    ForumAccess forum, ThreadStore threads, PoolStore pool, OpportunityStore opportunities, ApplicationStore applications,
    OutcomeStore outcomes, ProfileStore profiles)
{
    public const int DiscussionCount = 6;

    public const int OpportunityCount = 3;

    public async Task<Dashboard> LoadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var memberId = CurrentMember.Id(user);
        var mySets = await sets.MySetsAsync(memberId, ct);
        var pairs = (await relationships.ForMemberAsync(memberId, ct)).Where(p => p.Status == RelationshipStatus.Active).ToList();
        var unread = pairs.Count > 0 ? await relationships.UnreadCountsAsync(memberId, ct) : new Dictionary<long, int>();
        var viewer = ForumViewer.From(user);
        var visible = (await forum.VisibleCategoriesAsync(viewer, ct)).ToDictionary(c => c.Id);
        var followed = (await threads.FollowedCategoryIdsAsync(memberId, ct)).Where(visible.ContainsKey).ToList();
        var poolProfile = await pool.FindAsync(memberId, ct);
        return new Dashboard
        {
            Sets = mySets,
            NextSet = mySets.Where(s => s.NextMeetingAt is not null).OrderBy(s => s.NextMeetingAt).FirstOrDefault(),
            Pairs = pairs.Select(p => new MentoringPair(p, p.IsMentor(memberId), unread.GetValueOrDefault(p.Id))).ToList(),
            WaitingForAnswer = user.IsInRole(Roles.Mentor) ? (await mentoring.PendingForMentorAsync(memberId, ct)).Count : 0,
            OpenRequests = (await mentoring.RequestsOfMenteeAsync(memberId, ct)).Where(r => RequestStatus.IsOpen(r.Status)).ToList(),
            Discussions = await threads.LatestAsync(followed.Count > 0 ? followed : visible.Keys.ToList(), memberId, null, false, DiscussionCount, ct),
            Categories = visible,
            FromFollowedCategories = followed.Count > 0,
            Drafts = await DraftCountAsync(memberId, ct),
            InPool = poolProfile is not null,
            Opportunities = poolProfile is null ? []
                : OpportunityMatcher.Rank(poolProfile, await opportunities.OpenAsync(ct), Roles.OrganisationsOf(user), OpportunityCount),
            Offers = (await applications.MineAsync(memberId, ct)).Where(a => a.Status == ApplicationStatus.Offered).ToList(),
            Questionnaires = (await outcomes.MineAsync(memberId, ct)).Where(o => o.SubmittedAt is null).ToList(),
            ProfileGaps = Gaps(await profiles.FindByIdAsync(memberId, ct)),
        };
    }

    private async Task<int> DraftCountAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM PostDrafts WHERE MemberId = @MemberId", new { MemberId = memberId }, cancellationToken: ct));
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
