using System.Data.Common;
using Dapper;

namespace PatientLeaders.Community.Web.Data;

/// <summary>
/// The change counters of migrations 0067 and 0068: triggers move each one, inside the writing transaction, on every write to
/// the tables it names. What many readers read alike can be kept under the counter read before reading it, so the
/// next read after any write, on any server, misses and sees it.
/// </summary>
public static class ChangeCounters
{
    /// <summary>What a forum search finds or shows: posts, their search text, threads, tags, categories, members' names.</summary>
    public const string Search = "Search";

    /// <summary>The opportunities open to the pool, their organisations and their applicant counts.</summary>
    public const string OpenOpportunities = "OpenOpportunities";

    /// <summary>What every reader of a thread page shares: posts, reactions, tags, members' names and handles (new members too).</summary>
    public const string ThreadPages = "ThreadPages";

    /// <summary>Threads by latest activity, before each reader's read positions: threads, and members' names.</summary>
    public const string ThreadLists = "ThreadLists";

    public const string SelectValue = "SELECT Value FROM ChangeCounters WHERE Name = @Name";

    public static Task<long> ReadAsync(DbConnection connection, string counter, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectValue, new { Name = counter }, cancellationToken: ct));
}

/// <summary>
/// One value that every reader shares, such as a list read on most pages, kept until its change counter moves or its
/// key (for example, today's date) changes.
/// </summary>
public sealed class CountedValue<T>(string counter) where T : class
{
    private sealed record Held(long Generation, object? Key, T Value);

    private Held? held;

    /// <summary>The kept value, or a fresh <paramref name="read"/> on <paramref name="connection"/> when anything it depends on changed.</summary>
    public async Task<T> GetAsync(DbConnection connection, object? key, Func<Task<T>> read, CancellationToken ct)
    {
        // Read before reading the value: a write that lands in between moves the counter past what is kept.
        var generation = await ChangeCounters.ReadAsync(connection, counter, ct);
        var current = Volatile.Read(ref held);
        if (current is not null && current.Generation == generation && Equals(current.Key, key))
        {
            return current.Value;
        }
        var value = await read();
        Volatile.Write(ref held, new Held(generation, key, value));
        return value;
    }
}
