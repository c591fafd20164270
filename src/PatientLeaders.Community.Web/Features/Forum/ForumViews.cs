using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.Features.Forum;

public sealed record ForumCategory
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public int Position { get; init; }
    public string Icon { get; init; } = CategoryStyles.DefaultIcon;
    public string Colour { get; init; } = CategoryStyles.DefaultColour;
    public bool IsPublic { get; init; }

    /// <summary>Comma-separated roles, any of which opens the category; empty for every member.</summary>
    public string RequiredRoles { get; init; } = "";
    public int ThreadCount { get; init; }

    public IReadOnlyList<string> RoleList =>
        RequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(Roles.IsKnown).ToList();
}

public sealed record ThreadView
{
    public long Id { get; init; }
    public long CategoryId { get; init; }
    public string Title { get; init; } = "";
    public string Slug { get; init; } = "";
    public long? AuthorId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastPostAt { get; init; }
    public int LastPostNumber { get; init; }
    public int ReplyCount { get; init; }
    public int ParticipantCount { get; init; }
    public bool IsPinned { get; init; }
    public bool IsLocked { get; init; }

    public string Url => $"/forum/t/{Id}/{Slug}";
}

public sealed record ThreadListItem
{
    public long Id { get; init; }
    public long CategoryId { get; init; }
    public string Title { get; init; } = "";
    public string Slug { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastPostAt { get; init; }
    public int LastPostNumber { get; init; }
    public int ReplyCount { get; init; }
    public int ParticipantCount { get; init; }
    public bool IsPinned { get; init; }
    public bool IsLocked { get; init; }
    public string? AuthorName { get; init; }
    public string? LastPostAuthorName { get; init; }
    public int? LastReadNumber { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Url => $"/forum/t/{Id}/{Slug}";

    /// <summary>Posts the member has not read yet; every post when they never opened the thread.</summary>
    public int NewPosts => LastReadNumber is { } read ? Math.Max(0, LastPostNumber - read) : LastPostNumber;

    public bool NeverOpened => LastReadNumber is null;
}

public sealed record PostView
{
    public long Id { get; init; }
    public long ThreadId { get; init; }
    public int Number { get; init; }

    /// <summary>The nested view's top-level group within the thread (migration 0018).</summary>
    public int Branch { get; init; }
    public long? AuthorId { get; init; }
    public string? AuthorHandle { get; init; }
    public string? AuthorName { get; init; }
    public long? ReplyToPostId { get; init; }
    public int? ReplyToNumber { get; init; }

    /// <summary>Differs from ThreadId when the post answered was split into another thread.</summary>
    public long? ReplyToThreadId { get; init; }
    public int? ReplyToBranch { get; init; }
    public string? ReplyToAuthorName { get; init; }
    public string Body { get; init; } = "";
    public string ContentNote { get; init; } = "";

    /// <summary>The language the author wrote in (a site culture, such as cy-GB): the post's lang, never translated.</summary>
    public string Language { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
    public int RevisionCount { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
    public DateTimeOffset? HiddenAt { get; init; }
    public string? HiddenReason { get; init; }

    public bool IsDeleted => DeletedAt is not null;
    public bool IsHidden => HiddenAt is not null;
    public string DisplayAuthor => AuthorName ?? "Former member";
}

/// <summary>A post with the thread and category it belongs to: what every post-level action checks first.</summary>
public sealed record PostContext(ForumCategory Category, ThreadView Thread, PostView Post);

public sealed record ReactionRow
{
    public long PostId { get; init; }
    public string Kind { get; init; } = "";
    public long MemberId { get; init; }
    public string DisplayName { get; init; } = "";
}

public sealed record RevisionView
{
    public long Id { get; init; }
    public string? Title { get; init; }
    public string Body { get; init; } = "";
    public string ContentNote { get; init; } = "";
    public string? EditorName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record BookmarkView
{
    public long PostId { get; init; }
    public int Number { get; init; }
    public long ThreadId { get; init; }
    public string ThreadTitle { get; init; } = "";
    public string ThreadSlug { get; init; } = "";
    public long CategoryId { get; init; }
    public string? AuthorName { get; init; }
    public DateTimeOffset BookmarkedAt { get; init; }
}

public sealed record DraftView
{
    public string DraftKey { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string ContentNote { get; init; } = "";
    public string Tags { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record IgnoredMember
{
    public long MemberId { get; init; }
    public string Handle { get; init; } = "";
    public string DisplayName { get; init; } = "";
}
