namespace PatientLeaders.Community.Web.Features.Sets;

public sealed record PresenceView(long MemberId, string Name, string Status, bool IsFacilitator);

public sealed record RoundTurnView(long MemberId, string Name, bool Passed, bool Current);

public sealed record PresenterSlotView(long MemberId, string Name, int Minutes, bool Current);

public sealed record PersonView(long MemberId, string Name);

public sealed record TimerView(int RemainingSeconds, int DurationSeconds, bool Running);

/// <summary>The whole room state as every browser in it sees it; re-sent whole on every change.</summary>
public sealed record RoomStateView
{
    public long SetId { get; init; }
    public long? MeetingId { get; init; }
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>Members may enter: the lead time has come, the facilitator opened the lobby, or the meeting is under way.</summary>
    public bool LobbyOpen { get; init; }

    public DateTimeOffset? LobbyOpensAt { get; init; }
    public string Phase { get; init; } = "";
    public string PhaseLabel { get; init; } = "";
    public int Version { get; init; }
    public long? FacilitatorId { get; init; }
    public int Quorum { get; init; }
    public int PresentCount { get; init; }
    public PersonView? Speaker { get; init; }
    public PersonView? Presenter { get; init; }
    public IReadOnlyList<RoundTurnView> Round { get; init; } = [];
    public IReadOnlyList<PresenterSlotView> Presenters { get; init; } = [];
    public bool AllocationProposed { get; init; }
    public IReadOnlyList<PersonView> Hands { get; init; } = [];
    public IReadOnlyList<BidView> Bids { get; init; } = [];
    public bool Stopped { get; init; }
    public bool OnBreak { get; init; }
    public int BreakRequests { get; init; }
    public bool FacilitatorAway { get; init; }
    public bool OffersWanted { get; init; }
    public TimerView Timer { get; init; } = new(0, 0, false);
    public string Posting { get; init; } = nameof(PostingRule.Nobody);
    public string InputHint { get; init; } = "";
    public IReadOnlyList<ActionView> ActionsToReview { get; init; } = [];
    public IReadOnlyList<ActionView> ActionsThisMeeting { get; init; } = [];
}

public sealed record RoomMe(long MemberId, string Name, bool IsFacilitator, bool IsMember);

public sealed record RoomSnapshot(RoomStateView State, IReadOnlyList<PresenceView> Presence, RoomMe Me, string LateSummary);

public sealed record MessageAck(long Seq, string ClientMessageId);
