namespace PatientLeaders.Community.Web.Features.Notifications;

public sealed record NotificationView
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public long? ThreadId { get; init; }
    public long? PostId { get; init; }
    public string? ThreadTitle { get; init; }
    public string? ActorName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }

    public bool IsUnread => ReadAt is null;
}
