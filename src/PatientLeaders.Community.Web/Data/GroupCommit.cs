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
/// The batches are written on one connection kept open between them: SQLite keeps a connection's page cache while no
/// other connection writes, so the index pages a batch touches are mostly still in memory for the next one, where a
/// connection from the pool starts cold after any other connection's write (measured: docs/benchmarks.md).
/// </summary>
public sealed class GroupCommit(DbConnectionFactory db) : IDisposable
{
    /// <summary>Most pieces of work written in one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentQueue<Pending> queue = new();

    /// <summary>Runs <paramref name="write"/> in a transaction, most likely shared with other queued writes.</summary>
    public async Task<TResult> WriteAsync<TResult>(Func<DbConnection, DbTransaction, Task<TResult>> write, CancellationToken ct)
    {
        if (db.Dialect.IsSqlServer)
        {
            // No write gate to queue at: SQL Server locks rows itself and commits writers side by side.
            await using var connection = await db.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var written = await write(connection, tx);
            await tx.CommitAsync(ct);
            return written;
        }
        // Read only once Done completes, which happens after the commit.
        TResult result = default!;
        var pending = new Pending(async (connection, tx) => result = await write(connection, tx));
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
        await pending.Done.Task.WaitAsync(ct);
        return result;
    }

    private sealed class Pending(Func<DbConnection, DbTransaction, Task> write)
    {
        public Func<DbConnection, DbTransaction, Task> Write => write;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Abandoned;
    }

    // Used only while the write gate is held. Dropped after a failed batch, in case the failure was the connection's.
    private DbConnection? writer;

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
        var written = new List<Pending>(batch.Count);
        try
        {
            var connection = writer ??= await db.OpenAsync(CancellationToken.None);
            await using var tx = await connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "work" + i;
                await tx.SaveAsync(savepoint);
                try
                {
                    await batch[i].Write(connection, tx);
                    await tx.ReleaseAsync(savepoint);
                    written.Add(batch[i]);
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
            DropWriter();
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(exception);
            }
            return;
        }
        foreach (var pending in written)
        {
            pending.Done.TrySetResult();
        }
    }

    public void Dispose() => DropWriter();

    private void DropWriter()
    {
        writer?.Dispose();
        writer = null;
    }
}
