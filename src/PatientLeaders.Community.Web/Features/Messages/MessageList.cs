namespace PatientLeaders.Community.Web.Features.Messages;

/// <summary>Messages as one member sees them: their own marked "You", others' with a way to report them.</summary>
public sealed record MessageList(IReadOnlyList<DirectMessage> Messages, long MemberId);
