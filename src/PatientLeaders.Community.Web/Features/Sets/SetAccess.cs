namespace PatientLeaders.Community.Web.Features.Sets;

public enum SetRole
{
    /// <summary>Not allowed to know the set exists: every page answers 404.</summary>
    None,

    /// <summary>Attendance and counts, never content.</summary>
    Coordinator,
    Member,
    Facilitator,
    Admin,
}

/// <summary>What one signed-in person may do with one set. Decided on the server, every request and hub call.</summary>
public sealed record SetAccess(long SetId, long MemberId, SetRole Role)
{
    public static SetAccess Nobody(long setId, long memberId) => new(setId, memberId, SetRole.None);

    public bool Exists => Role != SetRole.None;

    /// <summary>Room, chat, history, actions, summaries: members, the set's facilitator and admins.</summary>
    public bool CanSeeContent => Role is SetRole.Member or SetRole.Facilitator or SetRole.Admin;

    /// <summary>Membership and meeting dates.</summary>
    public bool CanManage => Role is SetRole.Facilitator or SetRole.Admin or SetRole.Coordinator;

    /// <summary>Attendance and counts.</summary>
    public bool CanSeeAttendance => Role is SetRole.Facilitator or SetRole.Admin or SetRole.Coordinator;

    public bool IsFacilitator => Role == SetRole.Facilitator;

    public bool IsMember => Role == SetRole.Member;

    /// <summary>Who takes part in the room (speaks, bids, presents); admins only observe.</summary>
    public bool Participates => Role is SetRole.Member or SetRole.Facilitator;
}
