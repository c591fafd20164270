namespace PatientLeaders.Community.Web.Features.Forum;

/// <summary>One row of the moderation audit log.</summary>
public sealed record ModerationRecord(long ModeratorId, string Action, long? ThreadId, long? PostId, long? SubjectMemberId, string Reason);

public sealed record FlagView
{
    public long Id { get; init; }
    public long PostId { get; init; }
    public string Reason { get; init; } = "";
    public string Note { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? FlaggerName { get; init; }
    public int Number { get; init; }
    public long ThreadId { get; init; }
    public string ThreadTitle { get; init; } = "";
    public string ThreadSlug { get; init; } = "";
    public long CategoryId { get; init; }
    public string? AuthorName { get; init; }
    public DateTimeOffset? HiddenAt { get; init; }
}

public sealed record ModerationActionView
{
    public long Id { get; init; }
    public string Action { get; init; } = "";
    public long? ThreadId { get; init; }
    public long? PostId { get; init; }
    public string Reason { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? ModeratorName { get; init; }
    public string? ThreadTitle { get; init; }

    /// <summary>The member the action was about (a suspension).</summary>
    public string? SubjectName { get; init; }
}

public static class FlagReasons
{
    public const string Unkind = "Unkind";
    public const string Private = "Private";
    public const string Spam = "Spam";
    public const string Worried = "Worried";
    public const string Other = "Other";

    public static readonly IReadOnlyList<string> All = [Unkind, Private, Spam, Worried, Other];

    public static string Label(string reason) => reason switch
    {
        Unkind => "It is unkind, disrespectful or discriminatory",
        Private => "It shares someone's private information",
        Spam => "It is advertising or spam",
        Worried => "I'm worried about this person",
        _ => "Something else",
    };
}

public static class ModerationActionKinds
{
    public const string Pin = "Pin";
    public const string Unpin = "Unpin";
    public const string Lock = "Lock";
    public const string Unlock = "Unlock";
    public const string Hide = "Hide";
    public const string Restore = "Restore";
    public const string ResolveFlag = "ResolveFlag";
    public const string Move = "Move";
    public const string Split = "Split";
    public const string Suspend = "Suspend";
    public const string Unsuspend = "Unsuspend";
}
