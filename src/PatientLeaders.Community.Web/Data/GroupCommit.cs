using System.Collections.Concurrent;
using System.Data.Common;

namespace PatientLeaders.Community.Web.Data;

/// <summary>
/// Group commit for one kind of write transaction. A writer queues its work and takes the write gate; whoever
/// holds it writes every queued piece of work in one transaction, each inside its own savepoint, so a writer
/// queued behind finds its work already stored. One commit then pays for many: one sync to disk, and on SQLite one
/// new full-text segment instead of one a post (a reply's own transaction cost 1.6 ms in FTS5 alone, a batch of
/// eight 0.1 ms a post: docs/benchmarks.md). A piece of work that fails rolls back to its savepoint and fails alone.
/// The batch is not cancelled with any one writer's request; a writer that gives up before its turn is not written.
/// Used for SQLite's single writer; on SQL Server each writer commits its own transaction.
/// </summary>
public sealed class GroupCommit<TWork, TResult>(DbConnectionFactory db, Func<DbConnection, DbTransaction, TWork, Task<TResult>> write)
{
    /// <summary>Most pieces of work written in one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentQueue<Pending> queue = new();

    public async Task<TResult> WriteAsync(TWork work, CancellationToken ct)
    {
        if (db.Dialect.IsSqlServer)
        {
            // No write gate to queue at: SQL Server locks rows itself and commits writers side by side.
            await using var connection = await db.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var result = await write(connection, tx, work);
            await tx.CommitAsync(ct);
            return result;
        }
        var pending = new Pending(work);
        queue.Enqueue(pending);
        DbConnectionFactory.WriteLock gate;
        try
        {
            gate = await db.WriteLockAsync(ct);
        }
        catch (OperationCanceledException)
        {
            pending.Abandoned = true;
            throw;
        }
        using (gate)
        {
            if (!pending.Done.Task.IsCompleted)
            {
                await WriteQueuedAsync();
            }
        }
        return await pending.Done.Task.WaitAsync(ct);
    }

    private sealed class Pending(TWork work)
    {
        public TWork Work { get; } = work;

        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Abandoned;
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
        {
            if (next.Abandoned)
            {
                next.Done.TrySetCanceled();
                continue;
            }
            batch.Add(next);
        }
        if (batch.Count == 0)
        {
            return;
        }
        var results = new List<(Pending Pending, TResult Result)>(batch.Count);
        try
        {
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await using var tx = await connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "work" + i;
                await tx.SaveAsync(savepoint);
                try
                {
                    results.Add((batch[i], await write(connection, tx, batch[i].Work)));
                    await tx.ReleaseAsync(savepoint);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    await tx.RollbackAsync(savepoint);
                    batch[i].Done.TrySetException(exception);
                }
            }
            await tx.CommitAsync();
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(exception);
            }
            return;
        }
        foreach (var (pending, result) in results)
        {
            pending.Done.TrySetResult(result);
        }
    }
}
