namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>
/// The room's state is sent to everyone in the room at once, so its words are the English resource keys: the phase
/// names (<see cref="MeetingPhases.Label(MeetingPhase)"/>, and "No meeting scheduled") and these hints, in the words
/// RoomService gives them. The room page gives room.js each of them in its reader's language.
/// </summary>
public static class RoomWords
{
    public const string NoMeeting = "No meeting scheduled";

    public static readonly IReadOnlyList<string> InputHints =
    [
        "The set is on a break.",
        "The facilitator has stopped the set to talk about how it is going.",
        "Waiting for the facilitator, who has lost their connection. The timer is paused until they are back.",
        "Say hello while everyone arrives. The meeting begins when the facilitator starts it.",
        "The facilitator is opening the meeting.",
        "Only the presenter writes during their presentation. Listen, and raise your hand for later.",
        "Ask questions that help you understand the facts.",
        "Ask open questions, not advice. For example: \"What would success look like to you?\"",
        "The presenter asked for offers: share a resource or experience, and let them choose.",
        "The presenter records their actions. Ask only clarifying questions.",
        "One person at a time, in turn. Anyone may pass.",
        "The meeting has closed.",
    ];
}

/// <summary>One person in the room's list: here, away or absent, and on audio ("off", "muted" or "on", <see cref="AudioStatus"/>).</summary>
public sealed record PresenceView(long MemberId, string Name, string Status, bool IsFacilitator, string Audio = AudioStatus.Off);

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

    /// <summary>Who may open their microphone now (<see cref="Sets.AudioFloor"/>): "Closed", "Open" or "Presenter".</summary>
    public string AudioFloor { get; init; } = nameof(Sets.AudioFloor.Closed);

    /// <summary>The member whose hand the facilitator took: during a presentation they may speak too.</summary>
    public PersonView? Floor { get; init; }
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

/// <summary>The one rule for who may speak, which room.js mirrors: the hub refuses an unmute it does not allow.</summary>
public static class RoomFloor
{
    public static bool MaySpeak(RoomStateView state, long memberId) => state.AudioFloor switch
    {
        nameof(AudioFloor.Open) => true,
        nameof(AudioFloor.Presenter) => state.FacilitatorId == memberId || state.Presenter?.MemberId == memberId || state.Floor?.MemberId == memberId,
        _ => false,
    };
}

public sealed record RoomMe(long MemberId, string Name, bool IsFacilitator, bool IsMember);

public sealed record RoomSnapshot(RoomStateView State, IReadOnlyList<PresenceView> Presence, RoomMe Me, string LateSummary, long PresenceAt = 0);

public sealed record MessageAck(long Seq, string ClientMessageId);

/// <summary>Someone on the room's audio, and the session their page chose when it joined.</summary>
public sealed record AudioPeer(long MemberId, string Session);

/// <summary>What joining the audio gives a page: who to connect to, whether it starts muted, and the ICE servers.</summary>
public sealed record AudioJoin(IReadOnlyList<AudioPeer> Peers, bool Muted, IceConfig Ice);
