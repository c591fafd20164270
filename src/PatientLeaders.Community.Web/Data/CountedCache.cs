using System.Data.Common;
using Microsoft.Extensions.Caching.Memory;

namespace PatientLeaders.Community.Web.Data;

/// <summary>
/// Values many readers read alike, each kept under its key and the change counter read before reading it (see
/// <see cref="ChangeCounters"/>): the next read after any write the counter watches, on any server, reads afresh. Old
/// entries are never removed on a write; they age out when the cache is full.
/// </summary>
public sealed class CountedCache<TValue>(string counter, long sizeLimit) : IDisposable where TValue : class
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = sizeLimit });

    /// <summary>Off, every value is read afresh (the reference of the tests that compare the two).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many values are kept.</summary>
    public int Count => cache.Count;

    /// <param name="key">Everything besides the data that the value depends on; compared by value.</param>
    /// <param name="size">The value's size in the units of the size limit.</param>
    public async Task<TValue> GetAsync(DbConnection connection, object key, Func<Task<TValue>> read, Func<TValue, long> size, CancellationToken ct)
    {
        if (!Enabled)
        {
            return await read();
        }
        // Read before the value: a write that lands in between moves the counter past what is kept.
        var entry = (Generation: await ChangeCounters.ReadAsync(connection, counter, ct), Key: key);
        if (cache.TryGetValue(entry, out TValue? value))
        {
            return value!;
        }
        value = await read();
        cache.Set(entry, value, new MemoryCacheEntryOptions { Size = size(value) });
        return value;
    }

    public void Dispose() => cache.Dispose();
}
