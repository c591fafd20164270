namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>Delivery state of one outbox row, without its body.</summary>
public sealed record OutboxStatusView
{
    public long Id { get; init; }

    public string ToAddress { get; init; } = "";

    public string Subject { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public string? LastError { get; init; }
}
