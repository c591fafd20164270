namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>A list of threads from several categories, each with its category and the reader's unread marker.</summary>
public sealed record LatestThreadsModel(IReadOnlyList<ThreadListItem> Threads, IReadOnlyDictionary<long, ForumCategory> Categories, bool IsGuest,
    string HeadingLevel = "h2");
