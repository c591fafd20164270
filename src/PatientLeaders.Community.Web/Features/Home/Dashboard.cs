using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Programmes.Outcomes;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Web.Features.Home;

/// <summary>What a member's home shows: each part is empty where it does not apply, and the page leaves it out.</summary>
public sealed record Dashboard
{
    public IReadOnlyList<SetListItem> Sets { get; init; } = [];

    /// <summary>The set whose meeting comes next, and whether that meeting is under way now.</summary>
    public SetListItem? NextSet { get; init; }

    public IReadOnlyList<MentoringPair> Pairs { get; init; } = [];

    /// <summary>Requests waiting for this mentor's answer.</summary>
    public int WaitingForAnswer { get; init; }

    public IReadOnlyList<MentoringRequest> OpenRequests { get; init; } = [];

    public IReadOnlyList<ThreadListItem> Discussions { get; init; } = [];

    public IReadOnlyDictionary<long, ForumCategory> Categories { get; init; } = new Dictionary<long, ForumCategory>();

    /// <summary>True when the discussions come from categories the member follows; false when from every category.</summary>
    public bool FromFollowedCategories { get; init; }

    public int Drafts { get; init; }

    public bool InPool { get; init; }

    public IReadOnlyList<(OpportunityView Opportunity, OpportunityMatch Match)> Opportunities { get; init; } = [];

    public IReadOnlyList<MyApplication> Offers { get; init; } = [];

    public IReadOnlyList<OutcomeResponse> Questionnaires { get; init; } = [];

    /// <summary>Resource keys of what the profile still lacks ("your region"); empty when it is complete.</summary>
    public IReadOnlyList<string> ProfileGaps { get; init; } = [];

    public bool HasMentoring => Pairs.Count > 0 || WaitingForAnswer > 0 || OpenRequests.Count > 0;

    public bool HasTasks => Offers.Count > 0 || Questionnaires.Count > 0;
}

/// <summary>One active mentoring pair as the member sees it, with what to do next and messages not yet read.</summary>
public sealed record MentoringPair(Relationship Pair, bool IsMentor, int Unread)
{
    public string OtherName(long memberId) => Pair.OtherName(memberId);

    /// <summary>A resource key: the next step for the pair.</summary>
    public string NextStep =>
        Pair.FirstSessionAt is null ? "Arrange your first conversation."
        : Pair.ClosingSuggestedAt is not null ? "It may be time to agree how your mentoring ends: talk it over together."
        : "Log your next conversation after you talk.";
}
