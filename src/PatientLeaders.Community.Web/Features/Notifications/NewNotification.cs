namespace PatientLeaders.Community.Web.Features.Notifications;

/// <summary>A notification to write; the caller has already checked the recipient may see what it points at.</summary>
public sealed record NewNotification(long MemberId, string Kind, long? ThreadId, long? PostId, long? ActorMemberId);
