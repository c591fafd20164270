namespace PatientLeaders.Community.Web.Features.Forum.Moderation;

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

    /// <summary>Null once the moderator's account is erased.</summary>
    public string? ModeratorName { get; init; }
    public string? ModeratorHandle { get; init; }
    public string? ThreadTitle { get; init; }
    public string? ThreadSlug { get; init; }

    /// <summary>The member the action was about (a suspension); the id and name are null once that account is erased.</summary>
    public long? SubjectMemberId { get; init; }
    public string? SubjectName { get; init; }
    public string? SubjectHandle { get; init; }
}

/// <summary>What the moderation log is narrowed to; null means any. Times are UTC, From inclusive, To exclusive.</summary>
public sealed record ModerationLogFilter(string? Action, long? ModeratorId, long? SubjectMemberId, long? ThreadId, DateTimeOffset? From, DateTimeOffset? To,
    long? CategoryId = null)
{
    public static readonly ModerationLogFilter None = new(null, null, null, null, null, null);
}

/// <summary>A keyset position in the log: the page just older than action Id, or (Newer) just newer than it.</summary>
public sealed record ModerationLogCursor(long Id, bool Newer);

public sealed record ModerationLogPage(IReadOnlyList<ModerationActionView> Actions, bool HasNewer, bool HasOlder);

public static class FlagReasons
{
    public const string Unkind = "Unkind";
    public const string Private = "Private";
    public const string Spam = "Spam";
    public const string Worried = "Worried";
    public const string Other = "Other";

    public static readonly IReadOnlyList<string> All = [Unkind, Private, Spam, Worried, Other];

    /// <summary>The reason in plain words: the resource key, shown through the localizer (<c>T[FlagReasons.Label(reason)]</c>).</summary>
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
    public const string ReadReportedMessage = "ReadReportedMessage";
    public const string ResolveMessageReport = "ResolveMessageReport";

    public static readonly IReadOnlyList<string> All = [Hide, Restore, ResolveFlag, Lock, Unlock, Pin, Unpin, Move, Split, Suspend, Unsuspend,
        ReadReportedMessage, ResolveMessageReport];

    /// <summary>The action in plain words, as the log shows it: the resource key, shown through the localizer (<c>T[ModerationActionKinds.Label(action)]</c>).</summary>
    public static string Label(string action) => action switch
    {
        Pin => "Pinned a thread",
        Unpin => "Unpinned a thread",
        Lock => "Locked a thread",
        Unlock => "Unlocked a thread",
        Hide => "Hid a post",
        Restore => "Restored a post",
        ResolveFlag => "Resolved a report",
        Move => "Moved a thread",
        Split => "Split a thread",
        Suspend => "Suspended a member",
        Unsuspend => "Ended a suspension",
        ReadReportedMessage => "Read a reported private message",
        ResolveMessageReport => "Resolved a report of a private message",
        _ => action,
    };
}

/// <summary>The log table shared by the moderation page (recent actions) and the full log; times in TimeZone (an IANA id).</summary>
public sealed record ModerationLogTable(IReadOnlyList<ModerationActionView> Actions, string Caption, string TimeZone);
