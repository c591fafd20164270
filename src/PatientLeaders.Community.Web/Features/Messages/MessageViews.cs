namespace PatientLeaders.Community.Web.Features.Messages;

public sealed record ConversationView
{
    public long Id { get; init; }
    public string Subject { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastMessageAt { get; init; }
    public long LastSeq { get; init; }
    public long LastReadSeq { get; init; }
    public IReadOnlyList<Participant> Participants { get; init; } = [];

    public int Unread => (int)Math.Max(0, LastSeq - LastReadSeq);

    /// <summary>The other people, as this member sees the conversation.</summary>
    public IEnumerable<Participant> Others(long memberId) => Participants.Where(p => p.Id != memberId);
}

public sealed record Participant
{
    public long Id { get; init; }
    public string Handle { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Email { get; init; } = "";
    public string? Language { get; init; }
    public bool EmailImmediately { get; init; }
}

public sealed record DirectMessage
{
    public long Id { get; init; }
    public long ConversationId { get; init; }
    public long Seq { get; init; }
    public long? SenderId { get; init; }
    public string? SenderName { get; init; }
    public string? SenderHandle { get; init; }
    public string Body { get; init; } = "";
    public DateTimeOffset SentAt { get; init; }
}

public sealed record MessageReport
{
    public long Id { get; init; }
    public long MessageId { get; init; }
    public string Note { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public long? ReporterId { get; init; }
    public string? ReporterName { get; init; }
    public long ConversationId { get; init; }
    public long Seq { get; init; }
    public long? SenderId { get; init; }
    public string? SenderName { get; init; }
    public string? SenderHandle { get; init; }
}

/// <summary>Why a message could not be sent, as a resource key; null when it was.</summary>
public sealed record SendResult(DirectMessage? Message, string? Problem);

public static class MessageLimits
{
    public const int BodyMax = 4000;
    public const int SubjectMax = 150;
    public const int NoteMax = 500;

    /// <summary>Besides the sender: a small group, never a mailing list.</summary>
    public const int MaxRecipients = 8;

    /// <summary>How many messages either side of a reported one a moderator sees.</summary>
    public const int ContextMessages = 3;
}
