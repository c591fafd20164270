using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Sets;

/// <summary>The phases of an action learning set meeting (research doc, section c), in order.</summary>
public enum MeetingPhase
{
    Lobby,
    Opening,
    CheckIn,
    ActionReview,
    Bidding,
    Presentation,
    ClarifyingQuestions,
    OpenQuestions,
    Offers,
    ActionCommitment,
    Reflection,
    ProcessReview,
    CheckOut,
    Closed,
}

public static class MeetingPhases
{
    /// <summary>The phase's name in English: the resource key of its name in every language (see the overload).</summary>
    public static string Label(MeetingPhase phase) => phase switch
    {
        MeetingPhase.Lobby => "Lobby",
        MeetingPhase.Opening => "Opening",
        MeetingPhase.CheckIn => "Check-in round",
        MeetingPhase.ActionReview => "Review of previous actions",
        MeetingPhase.Bidding => "Bids for time",
        MeetingPhase.Presentation => "Presentation",
        MeetingPhase.ClarifyingQuestions => "Clarifying questions",
        MeetingPhase.OpenQuestions => "Open questions",
        MeetingPhase.Offers => "Offers",
        MeetingPhase.ActionCommitment => "Action commitment",
        MeetingPhase.Reflection => "Reflection",
        MeetingPhase.ProcessReview => "Process review",
        MeetingPhase.CheckOut => "Check-out round",
        MeetingPhase.Closed => "Closed",
        _ => phase.ToString(),
    };

    /// <summary>The phase's name in the current language.</summary>
    public static string Label(MeetingPhase phase, IStringLocalizer t) => t[Label(phase)].Value;

    /// <summary>One member speaks at a time, in set order; any may pass.</summary>
    public static bool IsRound(MeetingPhase phase) => phase is MeetingPhase.CheckIn or MeetingPhase.ActionReview or MeetingPhase.CheckOut;

    /// <summary>A phase inside one presenter's slot.</summary>
    public static bool IsSlot(MeetingPhase phase) => phase is >= MeetingPhase.Presentation and <= MeetingPhase.Reflection;
}
