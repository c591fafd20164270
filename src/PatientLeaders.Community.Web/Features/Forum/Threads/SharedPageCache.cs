using System.Data.Common;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>What every reader of one page of a thread reads alike: its posts, the thread's tags, the reactions and which @handles name a member.</summary>
public sealed record SharedPage(
    IReadOnlyList<PostView> Posts,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ReactionRow> Reactions,
    IReadOnlyDictionary<string, long> MentionedMembers)
{
    /// <summary>About the characters the page holds, as the cache counts them.</summary>
    public long Size => 1_000 + Posts.Sum(p => 200L + p.Body.Length) + 100L * Reactions.Count;
}

/// <summary>
/// Pages of threads as every reader shares them (<see cref="SharedPage"/>), kept under the
/// <see cref="ChangeCounters.ThreadPages"/> counter: triggers move it on every write to posts, reactions, tags and
/// members' names and handles. What is the reader's own (read position, bookmarks, ignored members, subscription) is
/// never kept here.
/// </summary>
public sealed class SharedPageCache : IDisposable
{
    // Characters of posts held, about 16 MB: the pages being read now, a few thousand of them.
    private readonly CountedCache<SharedPage> cache = new(ChangeCounters.ThreadPages, 8_000_000);

    /// <summary>Off, every page is read from the database (the differential test's reference).</summary>
    public bool Enabled { get => cache.Enabled; set => cache.Enabled = value; }

    /// <summary>How many pages are kept.</summary>
    public int Count => cache.Count;

    /// <param name="Branches">True for the nested view, whose <paramref name="First"/> and <paramref name="Last"/> count branches, not posts.</param>
    private sealed record Key(long ThreadId, bool Branches, int First, int Last);

    public Task<SharedPage> GetAsync(DbConnection connection, long threadId, bool branches, int first, int last,
        Func<Task<SharedPage>> read, CancellationToken ct) =>
        cache.GetAsync(connection, new Key(threadId, branches, first, last), read, page => page.Size, ct);

    public void Dispose() => cache.Dispose();
}
