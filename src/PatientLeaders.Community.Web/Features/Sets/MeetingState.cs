using System.Text.Json.Serialization;

namespace PatientLeaders.Community.Web.Features.Sets;

public sealed record PresenterSlot(long MemberId, int Minutes);

/// <summary>
/// A phase timer. Remaining time is derived, never counted down in memory, so it survives reloads, reconnects
/// and restarts: resuming moves StartedAt forward by the length of the pause.
/// </summary>
public sealed record PhaseTimer(DateTimeOffset? StartedAt, int Seconds, DateTimeOffset? PausedAt)
{
    public static readonly PhaseTimer None = new(null, 0, null);

    public int RemainingSeconds(DateTimeOffset now)
    {
        if (StartedAt is not { } started)
        {
            return 0;
        }
        var elapsed = (PausedAt ?? now) - started;
        return (int)Math.Ceiling(Seconds - elapsed.TotalSeconds);
    }

    public bool IsRunning => StartedAt is not null && PausedAt is null;
}

/// <summary>
/// Everything the server knows about a meeting in progress. Phase and Timer live in their own columns;
/// the rest is stored as JSON in SetMeetings.State.
/// </summary>
public sealed record MeetingState
{
    [JsonIgnore]
    public MeetingPhase Phase { get; init; } = MeetingPhase.Lobby;

    [JsonIgnore]
    public PhaseTimer Timer { get; init; } = PhaseTimer.None;

    /// <summary>Speakers in the current round, in set order.</summary>
    public IReadOnlyList<long> Round { get; init; } = [];

    public int Turn { get; init; }

    public IReadOnlyList<long> Passed { get; init; } = [];

    /// <summary>The allocation the facilitator proposed from the bids, in speaking order.</summary>
    public IReadOnlyList<PresenterSlot> Presenters { get; init; } = [];

    public bool AllocationProposed { get; init; }

    public int PresenterIndex { get; init; }

    /// <summary>The presenter chose to hear offers (phase 5d).</summary>
    public bool OffersWanted { get; init; }

    /// <summary>"Stop the set": the facilitator paused for a process intervention.</summary>
    public bool Stopped { get; init; }

    public bool OnBreak { get; init; }

    /// <summary>Who asked for a break; shown only as a count, and no reason is ever asked.</summary>
    public IReadOnlyList<long> BreakRequests { get; init; } = [];

    /// <summary>Raised hands, in the order they went up.</summary>
    public IReadOnlyList<long> Hands { get; init; } = [];

    /// <summary>
    /// The member whose raised hand the facilitator took last: during a presentation they may open their microphone
    /// too. Cleared when the phase or the turn moves on.
    /// </summary>
    public long? Floor { get; init; }

    /// <summary>The facilitator has been gone longer than the grace period: the room waits, its timer paused.</summary>
    public bool FacilitatorAway { get; init; }

    /// <summary>
    /// When the facilitator's last connection dropped (or when the server first found them missing after a
    /// restart). Kept here, not in memory, so the grace period survives a restart. Null while they are here.
    /// </summary>
    public DateTimeOffset? FacilitatorLeftAt { get; init; }

    /// <summary>The facilitator let members into the lobby before the usual lead time.</summary>
    public bool LobbyOpenedEarly { get; init; }

    [JsonIgnore]
    public long? Speaker => MeetingPhases.IsRound(Phase) && Turn < Round.Count ? Round[Turn] : null;

    [JsonIgnore]
    public long? Presenter => MeetingPhases.IsSlot(Phase) && PresenterIndex < Presenters.Count ? Presenters[PresenterIndex].MemberId : null;

    [JsonIgnore]
    public bool ShouldPause => Stopped || OnBreak || FacilitatorAway;
}
