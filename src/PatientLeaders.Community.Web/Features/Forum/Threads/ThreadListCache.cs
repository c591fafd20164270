using System.Data.Common;
using PatientLeaders.Community.Web.Data;

namespace PatientLeaders.Community.Web.Features.Forum.Threads;

/// <summary>
/// Threads by latest activity as every reader shares them, without read positions (each reader's are added per
/// request), kept under the <see cref="ChangeCounters.ThreadLists"/> counter: triggers move it on every write to
/// threads and to members' names. Keyed by the categories asked for, which the caller has checked the reader may see.
/// </summary>
public sealed class ThreadListCache : IDisposable
{
    // Threads held, a few hundred bytes each: every reader's first pages of Latest and their homes' discussions.
    private readonly CountedCache<IReadOnlyList<ThreadListItem>> cache = new(ChangeCounters.ThreadLists, 20_000);

    /// <summary>Off, every list is read from the database (the reference of the tests that compare the two).</summary>
    public bool Enabled { get => cache.Enabled; set => cache.Enabled = value; }

    /// <param name="CategoryIds">The categories' ids as the query is given them (a JSON array).</param>
    private sealed record Key(string CategoryIds, LatestCursor? Before, int Take);

    public Task<IReadOnlyList<ThreadListItem>> GetAsync(DbConnection connection, string categoryIds, LatestCursor? before, int take,
        Func<Task<IReadOnlyList<ThreadListItem>>> read, CancellationToken ct) =>
        cache.GetAsync(connection, new Key(categoryIds, before, take), read, list => Math.Max(1, list.Count), ct);

    public void Dispose() => cache.Dispose();
}
