namespace PatientLeaders.Community.Web.Features.Sets;

public sealed record SetView
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Purpose { get; init; } = "";
    public long? FacilitatorId { get; init; }
    public string FacilitatorName { get; init; } = "";
    public string FacilitatorHandle { get; init; } = "";
    public string GroundRules { get; init; } = "";
    public int GroundRulesVersion { get; init; }
    public int Quorum { get; init; }
    public bool KeepChat { get; init; }

    /// <summary>The set's way in by video call (an https link) and by phone, for members only; either may be empty.</summary>
    public string CallLink { get; init; } = "";
    public string DialIn { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record SetListItem
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public long? FacilitatorId { get; init; }
    public string FacilitatorName { get; init; } = "";
    public int MemberCount { get; init; }
    public DateTimeOffset? NextMeetingAt { get; init; }

    /// <summary>Meetings under way in the set's room now (only in a member's own list).</summary>
    public int LiveMeetings { get; init; }

    public bool IsLive => LiveMeetings > 0;
}

public sealed record SetMemberView
{
    public long MemberId { get; init; }
    public string Handle { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Email { get; init; } = "";
    public DateTimeOffset AddedAt { get; init; }
    public int? AcceptedVersion { get; init; }
}

public sealed record MeetingRow
{
    public long Id { get; init; }
    public long SetId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public int DurationMinutes { get; init; }
    public string TimeZone { get; init; } = "";
    public string Phase { get; init; } = "";
    public string State { get; init; } = "{}";
    public int Version { get; init; }
    public DateTimeOffset? TimerStartedAt { get; init; }
    public int TimerSeconds { get; init; }
    public DateTimeOffset? TimerPausedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>This meeting's own call link and dial-in; empty means the set's (<see cref="CallDetails.For"/>).</summary>
    public string CallLink { get; init; } = "";
    public string DialIn { get; init; } = "";
}

public sealed record AttendanceRow
{
    public long MemberId { get; init; }
    public string DisplayName { get; init; } = "";
    public DateTimeOffset FirstJoinedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
}

public sealed record AttendanceCount
{
    public long MeetingId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public int Attended { get; init; }
}

public sealed record PhaseLogRow
{
    public string Phase { get; init; } = "";
    public long? PresenterId { get; init; }
    public string PresenterName { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
}

public sealed record BidView
{
    public long MemberId { get; init; }
    public string DisplayName { get; init; } = "";
    public int Minutes { get; init; }
    public string Headline { get; init; } = "";
    public bool NoTime { get; init; }
}

public sealed record ActionView
{
    public long Id { get; init; }
    public long MeetingId { get; init; }
    public long OwnerId { get; init; }
    public string OwnerName { get; init; } = "";
    public string Text { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? Status { get; init; }
    public string? StatusNote { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public long? ReviewedInMeetingId { get; init; }
}

public sealed record RoomMessageView
{
    public long Seq { get; init; }
    public long AuthorId { get; init; }
    public string AuthorName { get; init; } = "";
    public string ClientMessageId { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTimeOffset PostedAt { get; init; }
    public bool FlaggedAsAdvice { get; init; }
}

public sealed record MeetingMailView
{
    public long Id { get; init; }
    public long SetId { get; init; }
    public string SetName { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public int DurationMinutes { get; init; }
    public string TimeZone { get; init; } = "";

    /// <summary>The meeting's call link and dial-in, or else the set's.</summary>
    public string CallLink { get; init; } = "";
    public string DialIn { get; init; } = "";
}

/// <summary>Someone a set's meeting mail goes to, in their saved language.</summary>
public sealed record Recipient
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? Language { get; init; }
}

public static class ActionStatuses
{
    public const string Done = "Done";
    public const string Partly = "Partly";
    public const string NotDone = "NotDone";
    public const string Changed = "Changed";

    public static readonly IReadOnlyList<(string Value, string Label)> All =
        [(Done, "Done"), (Partly, "Partly done"), (NotDone, "Not done"), (Changed, "Changed")];

    public static bool IsKnown(string? value) => All.Any(s => s.Value == value);

    public static string Label(string? value) => All.FirstOrDefault(s => s.Value == value).Label ?? "Not reviewed yet";
}
