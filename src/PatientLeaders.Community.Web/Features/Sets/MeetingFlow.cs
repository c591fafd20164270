using System.Globalization;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Web.Infrastructure.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>Facts the state machine needs about the room at the moment of a command.</summary>
public sealed record FlowContext
{
    public DateTimeOffset Now { get; init; }
    public long ActorId { get; init; }
    public bool ActorIsFacilitator { get; init; }
    public bool ActorIsMember { get; init; }

    /// <summary>Set members in the room now (not stepped away), in set order.</summary>
    public IReadOnlyList<long> Present { get; init; } = [];

    public IReadOnlyList<long> Members { get; init; } = [];
    public int Quorum { get; init; }

    /// <summary>Present members with actions from the previous meeting, in set order.</summary>
    public IReadOnlyList<long> ActionOwners { get; init; } = [];

    public IReadOnlyList<BidView> Bids { get; init; } = [];
}

public sealed record FlowResult(MeetingState State, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>
    /// The refusal in the reader's language, from the site's resources: <see cref="Error"/> is its English (the
    /// resource key, or the key filled in with its numbers). The hub says it to the member who asked.
    /// </summary>
    public Func<IStringLocalizer, string>? Say { get; init; }
}

/// <summary>Who may write in the chat now. Decided by the server; the client only mirrors it in the composer.</summary>
public enum PostingRule
{
    Nobody,
    FacilitatorOnly,
    SpeakerAndFacilitator,
    PresenterOnly,
    Everyone,
}

/// <summary>
/// Who may open their microphone. The site never unmutes anyone: it only allows, and a member unmutes themselves.
/// </summary>
public enum AudioFloor
{
    /// <summary>No meeting is open, or it has closed: nobody is on audio.</summary>
    Closed,

    /// <summary>Everyone may speak (the lobby, rounds, questions, reviews, breaks and stops).</summary>
    Open,

    /// <summary>A presentation: the presenter, the facilitator and the member whose hand was taken.</summary>
    Presenter,
}

/// <summary>
/// The meeting as a state machine (research doc, section c). Pure: every command takes a state and the facts
/// of the moment and returns the next state or a reason why not. Timers expiring never change state: they
/// prompt the facilitator, who moves on.
/// </summary>
public static class MeetingFlow
{
    public const int OpeningSeconds = 3 * 60;
    public const int CheckInSecondsEach = 2 * 60;
    public const int ActionReviewSecondsEach = 3 * 60;
    public const int BiddingSeconds = 5 * 60;
    public const int ProcessReviewSeconds = 10 * 60;
    public const int CheckOutSecondsEach = 60;
    public const int MaxExtendMinutes = 30;

    /// <summary>Shares of a presenter's minutes per slot phase: presentation, clarifying, open, offers, commitment, reflection.</summary>
    private static readonly Dictionary<MeetingPhase, double> SlotShares = new()
    {
        [MeetingPhase.Presentation] = 0.2,
        [MeetingPhase.ClarifyingQuestions] = 0.15,
        [MeetingPhase.OpenQuestions] = 0.35,
        [MeetingPhase.Offers] = 0.1,
        [MeetingPhase.ActionCommitment] = 0.1,
        [MeetingPhase.Reflection] = 0.1,
    };

    public static FlowResult Start(MeetingState state, FlowContext ctx)
    {
        if (!ctx.ActorIsFacilitator)
        {
            return Fail(state, "Only the facilitator can start the meeting.");
        }
        if (state.Phase != MeetingPhase.Lobby)
        {
            return Fail(state, "The meeting has already started.");
        }
        if (ctx.Present.Count < ctx.Quorum)
        {
            var (quorum, present) = (ctx.Quorum, ctx.Present.Count);
            return new FlowResult(state, QuorumNotMet(quorum, present)) { Say = t => QuorumNotMet(t, quorum, present) };
        }
        return Ok(EnterPhase(state, MeetingPhase.Opening, ctx), ctx);
    }

    /// <summary>The facilitator moves on: to the next speaker in a round, else to the next phase.</summary>
    public static FlowResult Next(MeetingState state, FlowContext ctx)
    {
        if (!ctx.ActorIsFacilitator)
        {
            return Fail(state, "Only the facilitator can move the meeting on.");
        }
        switch (state.Phase)
        {
            case MeetingPhase.Lobby:
                return Fail(state, "Start the meeting first.");
            case MeetingPhase.Closed:
                return Fail(state, "The meeting has closed.");
            case MeetingPhase.Bidding when !state.AllocationProposed:
                return Fail(state, "Propose the order of presenters first (it may be empty).");
        }
        if (MeetingPhases.IsRound(state.Phase) && state.Turn + 1 < state.Round.Count)
        {
            return Ok(NextTurn(state, ctx), ctx);
        }
        return Ok(EnterPhase(state, Following(state), ctx), ctx);
    }

    /// <summary>Any member may pass their turn in a round.</summary>
    public static FlowResult Pass(MeetingState state, FlowContext ctx)
    {
        if (state.Speaker != ctx.ActorId)
        {
            return Fail(state, "You can pass when it is your turn in a round.");
        }
        var passed = state with { Passed = [.. state.Passed, ctx.ActorId] };
        return Ok(state.Turn + 1 < state.Round.Count ? NextTurn(passed, ctx) : passed, ctx);
    }

    public static FlowResult Stop(MeetingState state, FlowContext ctx) =>
        !ctx.ActorIsFacilitator ? Fail(state, "Only the facilitator can stop the set.")
        : IsLive(state) ? Ok(state with { Stopped = true }, ctx) : Fail(state, "The meeting is not running.");

    public static FlowResult Resume(MeetingState state, FlowContext ctx) =>
        !ctx.ActorIsFacilitator ? Fail(state, "Only the facilitator can resume the set.") : Ok(state with { Stopped = false }, ctx);

    public static FlowResult Extend(MeetingState state, FlowContext ctx, int minutes)
    {
        if (!ctx.ActorIsFacilitator)
        {
            return Fail(state, "Only the facilitator can give more time.");
        }
        if (minutes is < 1 or > MaxExtendMinutes)
        {
            return new FlowResult(state, string.Format(CultureInfo.InvariantCulture, ExtendLimit, MaxExtendMinutes))
            {
                Say = t => t[ExtendLimit, MaxExtendMinutes].Value,
            };
        }
        if (!IsLive(state) || state.Timer.StartedAt is null)
        {
            return Fail(state, "There is no timer running.");
        }
        return Ok(state with { Timer = state.Timer with { Seconds = state.Timer.Seconds + minutes * 60 } }, ctx);
    }

    public static FlowResult RequestBreak(MeetingState state, FlowContext ctx)
    {
        if (!ctx.ActorIsMember || !IsLive(state))
        {
            return Fail(state, "You can ask for a break while the meeting is running.");
        }
        return Ok(state.BreakRequests.Contains(ctx.ActorId) ? state : state with { BreakRequests = [.. state.BreakRequests, ctx.ActorId] }, ctx);
    }

    public static FlowResult StartBreak(MeetingState state, FlowContext ctx) =>
        !ctx.ActorIsFacilitator ? Fail(state, "Only the facilitator can start a break.")
        : !IsLive(state) ? Fail(state, "The meeting is not running.")
        : Ok(state with { OnBreak = true, BreakRequests = [] }, ctx);

    public static FlowResult EndBreak(MeetingState state, FlowContext ctx) =>
        !ctx.ActorIsFacilitator ? Fail(state, "Only the facilitator can end a break.") : Ok(state with { OnBreak = false }, ctx);

    public static FlowResult RaiseHand(MeetingState state, FlowContext ctx) =>
        !ctx.ActorIsMember ? Fail(state, "Only set members can raise a hand.")
        : state.Phase == MeetingPhase.Closed ? Fail(state, "The meeting has closed.")
        : Ok(state.Hands.Contains(ctx.ActorId) ? state : state with { Hands = [.. state.Hands, ctx.ActorId] }, ctx);

    public static FlowResult LowerHand(MeetingState state, FlowContext ctx) =>
        Ok(state with { Hands = state.Hands.Where(h => h != ctx.ActorId).ToList() }, ctx);

    /// <summary>
    /// The facilitator takes a hand: the given member's, or the first in the queue. That member has the floor: during
    /// a presentation they may now unmute, until the facilitator takes another hand or the meeting moves on.
    /// </summary>
    public static FlowResult ClearHand(MeetingState state, FlowContext ctx, long? memberId)
    {
        if (!ctx.ActorIsFacilitator)
        {
            return Fail(state, "Only the facilitator can clear hands.");
        }
        var target = memberId ?? state.Hands.FirstOrDefault();
        var floor = state.Hands.Contains(target) ? target : state.Floor;
        return Ok(state with { Hands = state.Hands.Where(h => h != target).ToList(), Floor = floor }, ctx);
    }

    /// <summary>The member with the floor has finished, or the facilitator ends their turn to speak.</summary>
    public static FlowResult ReleaseFloor(MeetingState state, FlowContext ctx) =>
        state.Floor is null ? Ok(state, ctx)
        : ctx.ActorIsFacilitator || state.Floor == ctx.ActorId ? Ok(state with { Floor = null }, ctx)
        : Fail(state, "Only the facilitator, or the member who has the floor, can end it.");

    /// <summary>Who may open their microphone in this part of the meeting (<see cref="AudioFloor"/>).</summary>
    public static AudioFloor Floor(MeetingState state) => state.Phase switch
    {
        MeetingPhase.Closed => AudioFloor.Closed,
        MeetingPhase.Presentation when !(state.Stopped || state.OnBreak) => AudioFloor.Presenter,
        _ => AudioFloor.Open,
    };

    /// <summary>The facilitator proposes who presents, in what order, for how long; the set sees it.</summary>
    public static FlowResult ProposeAllocation(MeetingState state, FlowContext ctx, IReadOnlyList<PresenterSlot> slots)
    {
        if (!ctx.ActorIsFacilitator)
        {
            return Fail(state, "Only the facilitator can propose the order.");
        }
        if (state.Phase != MeetingPhase.Bidding)
        {
            return Fail(state, "Presenters are chosen during bids for time.");
        }
        if (slots.Select(s => s.MemberId).Distinct().Count() != slots.Count)
        {
            return Fail(state, "Each member can present once.");
        }
        foreach (var slot in slots)
        {
            if (!ctx.Members.Contains(slot.MemberId))
            {
                return Fail(state, "Only set members can present.");
            }
            if (ctx.Bids.Any(b => b.MemberId == slot.MemberId && b.NoTime))
            {
                return Fail(state, "A member who asked for no time today cannot be given a slot.");
            }
            if (slot.Minutes is < 5 or > 90)
            {
                return Fail(state, "Give each presenter between 5 and 90 minutes.");
            }
        }
        return Ok(state with { Presenters = slots.ToList(), AllocationProposed = true }, ctx);
    }

    /// <summary>The presenter chooses whether to hear offers after open questions.</summary>
    public static FlowResult ChooseOffers(MeetingState state, FlowContext ctx, bool wanted) =>
        state.Presenter != ctx.ActorId || state.Phase > MeetingPhase.OpenQuestions
            ? Fail(state, "The presenter chooses offers before their open questions end.")
            : Ok(state with { OffersWanted = wanted }, ctx);

    /// <summary>
    /// The facilitator's last connection dropped. Nothing pauses yet: a blip or a reload must not stop the set.
    /// Only the time is noted; <see cref="FacilitatorOverdue"/> pauses once the grace period has passed.
    /// </summary>
    public static FlowResult FacilitatorLeft(MeetingState state, FlowContext ctx) =>
        IsLive(state) && state.FacilitatorLeftAt is null && !state.FacilitatorAway ? Ok(state with { FacilitatorLeftAt = ctx.Now }, ctx) : Ok(state, ctx);

    /// <summary>
    /// The facilitator has been gone longer than <paramref name="grace"/>: the room waits for them. The timer
    /// stops at the moment the grace period ended, however late this check runs, so the wait is never counted.
    /// </summary>
    public static FlowResult FacilitatorOverdue(MeetingState state, FlowContext ctx, TimeSpan grace)
    {
        if (!IsLive(state) || state.FacilitatorAway || state.FacilitatorLeftAt is not { } left || ctx.Now < left + grace)
        {
            return Ok(state, ctx);
        }
        var waitingSince = left + grace;
        var timer = state.Timer.IsRunning ? state.Timer with { PausedAt = waitingSince } : state.Timer;
        return Ok(state with { FacilitatorAway = true, Timer = timer }, ctx);
    }

    /// <summary>The facilitator is back: if the room was waiting, the timer resumes where it stopped.</summary>
    public static FlowResult FacilitatorReturned(MeetingState state, FlowContext ctx) =>
        Ok(state with { FacilitatorAway = false, FacilitatorLeftAt = null }, ctx);

    /// <summary>
    /// Research notes, section (c), phase 0: "Lobby (opens 10 min before) — facilitator opens". So the lead time
    /// is when the lobby opens by itself, and the facilitator, who runs the set, may open it sooner (for a member
    /// who needs longer to settle in or to check their access set-up). The facilitator can always enter to prepare.
    /// </summary>
    public static FlowResult OpenLobby(MeetingState state, FlowContext ctx) =>
        !ctx.ActorIsFacilitator ? Fail(state, "Only the facilitator can open the lobby early.")
        : state.Phase != MeetingPhase.Lobby ? Fail(state, "The meeting has already started.")
        : Ok(state with { LobbyOpenedEarly = true }, ctx);

    /// <summary>Whether members may enter: the meeting is under way, the facilitator opened the lobby, or it is time.</summary>
    public static bool LobbyIsOpen(MeetingState state, DateTimeOffset opensAt, DateTimeOffset now) =>
        state.Phase != MeetingPhase.Lobby || state.LobbyOpenedEarly || now >= opensAt;

    public static PostingRule Posting(MeetingState state) => state.Phase switch
    {
        // The lobby is for hellos while people arrive, as in a real room before the start.
        MeetingPhase.Lobby => PostingRule.Everyone,
        MeetingPhase.Closed => PostingRule.Nobody,
        _ when state.Stopped || state.OnBreak => PostingRule.Everyone,
        MeetingPhase.Opening => PostingRule.FacilitatorOnly,
        MeetingPhase.Presentation => PostingRule.PresenterOnly,
        _ when MeetingPhases.IsRound(state.Phase) => PostingRule.SpeakerAndFacilitator,
        _ => PostingRule.Everyone,
    };

    public static bool MayPost(MeetingState state, long memberId, bool isFacilitator, bool isMember)
    {
        if (!isFacilitator && !isMember)
        {
            return false;
        }
        return Posting(state) switch
        {
            PostingRule.Everyone => true,
            PostingRule.FacilitatorOnly => isFacilitator,
            PostingRule.SpeakerAndFacilitator => isFacilitator || state.Speaker == memberId,
            PostingRule.PresenterOnly => state.Presenter == memberId,
            _ => false,
        };
    }

    public static bool IsLive(MeetingState state) => state.Phase is not (MeetingPhase.Lobby or MeetingPhase.Closed);

    public static MeetingPhase Following(MeetingState state) => state.Phase switch
    {
        MeetingPhase.Lobby => MeetingPhase.Opening,
        MeetingPhase.Opening => MeetingPhase.CheckIn,
        MeetingPhase.CheckIn => MeetingPhase.ActionReview,
        MeetingPhase.ActionReview => MeetingPhase.Bidding,
        MeetingPhase.Bidding => MeetingPhase.Presentation,
        MeetingPhase.Presentation => MeetingPhase.ClarifyingQuestions,
        MeetingPhase.ClarifyingQuestions => MeetingPhase.OpenQuestions,
        MeetingPhase.OpenQuestions => state.OffersWanted ? MeetingPhase.Offers : MeetingPhase.ActionCommitment,
        MeetingPhase.Offers => MeetingPhase.ActionCommitment,
        MeetingPhase.ActionCommitment => MeetingPhase.Reflection,
        MeetingPhase.Reflection => MeetingPhase.Presentation,
        MeetingPhase.ProcessReview => MeetingPhase.CheckOut,
        _ => MeetingPhase.Closed,
    };

    /// <summary>Enters a phase, skipping those with nobody to do them (no prior actions, no presenters).</summary>
    private static MeetingState EnterPhase(MeetingState state, MeetingPhase phase, FlowContext ctx)
    {
        var next = state with { Phase = phase, Turn = 0, Passed = [], Hands = [], Round = [], Floor = null };
        switch (phase)
        {
            case MeetingPhase.Opening:
                return WithTimer(next, OpeningSeconds, ctx);
            case MeetingPhase.CheckIn:
                return ctx.Present.Count == 0 ? EnterPhase(next, MeetingPhase.ActionReview, ctx)
                    : WithTimer(next with { Round = ctx.Present.ToList() }, CheckInSecondsEach, ctx);
            case MeetingPhase.ActionReview:
                return ctx.ActionOwners.Count == 0 ? EnterPhase(next, MeetingPhase.Bidding, ctx)
                    : WithTimer(next with { Round = ctx.ActionOwners.ToList() }, ActionReviewSecondsEach, ctx);
            case MeetingPhase.Bidding:
                return WithTimer(next with { Presenters = [], AllocationProposed = false, PresenterIndex = 0 }, BiddingSeconds, ctx);
            case MeetingPhase.Presentation:
                // From bidding: the first presenter; from a reflection: the next one.
                var index = state.Phase == MeetingPhase.Reflection ? state.PresenterIndex + 1 : 0;
                if (index >= state.Presenters.Count)
                {
                    return EnterPhase(next with { PresenterIndex = index }, MeetingPhase.ProcessReview, ctx);
                }
                return WithTimer(next with { PresenterIndex = index, OffersWanted = false }, SlotSeconds(state.Presenters[index], phase), ctx);
            case MeetingPhase.ClarifyingQuestions or MeetingPhase.OpenQuestions or MeetingPhase.Offers
                or MeetingPhase.ActionCommitment or MeetingPhase.Reflection:
                return WithTimer(next, SlotSeconds(state.Presenters[state.PresenterIndex], phase), ctx);
            case MeetingPhase.ProcessReview:
                return WithTimer(next, ProcessReviewSeconds, ctx);
            case MeetingPhase.CheckOut:
                return ctx.Present.Count == 0 ? EnterPhase(next, MeetingPhase.Closed, ctx)
                    : WithTimer(next with { Round = ctx.Present.ToList() }, CheckOutSecondsEach, ctx);
            case MeetingPhase.Closed:
                return next with { Timer = PhaseTimer.None, Stopped = false, OnBreak = false, BreakRequests = [], FacilitatorAway = false, FacilitatorLeftAt = null };
            default:
                return next;
        }
    }

    private static MeetingState NextTurn(MeetingState state, FlowContext ctx)
    {
        var seconds = state.Phase switch
        {
            MeetingPhase.CheckIn => CheckInSecondsEach,
            MeetingPhase.ActionReview => ActionReviewSecondsEach,
            _ => CheckOutSecondsEach,
        };
        return WithTimer(state with { Turn = state.Turn + 1, Hands = [], Floor = null }, seconds, ctx);
    }

    public static int SlotSeconds(PresenterSlot slot, MeetingPhase phase) =>
        Math.Max(60, (int)Math.Round(slot.Minutes * 60 * SlotShares[phase] / 30.0) * 30);

    private static MeetingState WithTimer(MeetingState state, int seconds, FlowContext ctx) =>
        state with { Timer = new PhaseTimer(ctx.Now, seconds, state.ShouldPause ? ctx.Now : null) };

    /// <summary>Pauses or resumes the timer to match Stopped, OnBreak and FacilitatorAway.</summary>
    private static MeetingState Reconcile(MeetingState state, DateTimeOffset now)
    {
        var timer = state.Timer;
        if (timer.StartedAt is not { } started)
        {
            return state;
        }
        if (state.ShouldPause && timer.PausedAt is null)
        {
            return state with { Timer = timer with { PausedAt = now } };
        }
        if (!state.ShouldPause && timer.PausedAt is { } paused)
        {
            return state with { Timer = timer with { StartedAt = started + (now - paused), PausedAt = null } };
        }
        return state;
    }

    private static FlowResult Ok(MeetingState state, FlowContext ctx) => new(Reconcile(state, ctx.Now), null);

    /// <summary>A refusal whose English is its resource key.</summary>
    private static FlowResult Fail(MeetingState state, string error) => new(state, error) { Say = t => t[error].Value };

    private const string ExtendLimit = "Give between 1 and {0} more minutes.";

    /// <summary>Why the meeting cannot start yet, with "1 member" and "1 is here" in the singular.</summary>
    public static string QuorumNotMet(int quorum, int present) =>
        $"The set needs {quorum} {(quorum == 1 ? "member" : "members")} here to start; {present} {(present == 1 ? "is" : "are")} here.";

    /// <summary>The same in the current language: each number takes its own plural form (Welsh has six).</summary>
    public static string QuorumNotMet(IStringLocalizer t, int quorum, int present) =>
        t.Plural(quorum, "The set needs {0} members here to start; {1}.", t.Plural(present, "{0} are here"));
}
