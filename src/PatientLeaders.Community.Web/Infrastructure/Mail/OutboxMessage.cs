namespace PatientLeaders.Community.Web.Infrastructure.Mail;

/// <summary>A claimed outbox row, as a transport sends it.</summary>
public sealed record OutboxMessage
{
    public long Id { get; init; }

    public long? MemberId { get; init; }

    public string ToAddress { get; init; } = "";

    public string ToName { get; init; } = "";

    public string Subject { get; init; } = "";

    public string TextBody { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>An iCalendar document to attach as invite.ics, or null.</summary>
    public string? CalendarAttachment { get; init; }

    /// <summary>The one-click unsubscribe address of a list mail, or null.</summary>
    public string? ListUnsubscribe { get; init; }

    /// <summary>Attempts made before this one.</summary>
    public int Attempts { get; init; }
}
