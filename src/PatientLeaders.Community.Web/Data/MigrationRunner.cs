using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace PatientLeaders.Community.Web.Data;

public sealed record MigrationScript(string Name, string Sql, string Checksum)
{
    /// <summary>
    /// First line of a script that must run outside a transaction (SQL Server full-text DDL refuses user transactions).
    /// Such a script must be safe to run again (guard every statement with IF NOT EXISTS): if the process stops
    /// half-way, nothing is rolled back and the whole script runs again next time.
    /// </summary>
    public const string NoTransactionMarker = "-- no-transaction";

    public bool RunsWithoutTransaction =>
        Sql.TrimStart().StartsWith(NoTransactionMarker, StringComparison.OrdinalIgnoreCase);

    public static MigrationScript FromFile(string path) => FromText(Path.GetFileName(path), File.ReadAllText(path));

    public static MigrationScript FromText(string name, string sql)
    {
        // Line endings are normalised so a Windows checkout does not look like an edited migration.
        var text = sql.Replace("\r\n", "\n");
        return new MigrationScript(name, text, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }
}

public sealed class MigrationChecksumException(string name)
    : Exception($"Migration {name} was changed after it was applied. Migrations are forward-only: add a new file instead.");

/// <summary>
/// Applies db/migrations/{dialect}/*.sql in name order, each once, each in its own transaction with its
/// journal row. Safe when two processes start together: the write lock is taken before the journal is re-read.
/// </summary>
public sealed partial class MigrationRunner(DbConnectionFactory factory, TimeProvider clock, ILogger<MigrationRunner> logger)
{
    public static string FolderFor(ISqlDialect dialect) =>
        Path.Combine(AppContext.BaseDirectory, "db", "migrations", dialect.Name);

    public static IReadOnlyList<MigrationScript> LoadScripts(string folder) =>
        Directory.GetFiles(folder, "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(MigrationScript.FromFile)
            .ToList();

    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct) =>
        MigrateAsync(LoadScripts(FolderFor(factory.Dialect)), ct);

    public async Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken ct)
    {
        var isSqlServer = factory.Dialect is SqlServerDialect;
        await using var connection = await factory.OpenAsync(ct);
        if (!isSqlServer)
        {
            // journal_mode cannot change inside a transaction, and it persists in the file.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: ct));
        }
        await EnsureJournalAsync(connection, isSqlServer, ct);

        var applied = (await connection.QueryAsync<(string Name, string Checksum)>(
                new CommandDefinition(MigrationSql.SelectApplied, cancellationToken: ct)))
            .ToDictionary(row => row.Name, row => row.Checksum, StringComparer.Ordinal);

        var newlyApplied = new List<string>();
        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Name, out var known))
            {
                EnsureUnchanged(script, known);
                continue;
            }
            if (await ApplyAsync(connection, script, isSqlServer, ct))
            {
                newlyApplied.Add(script.Name);
                logger.LogInformation("Applied migration {Migration}", script.Name);
            }
        }
        return newlyApplied;
    }

    private static async Task EnsureJournalAsync(DbConnection connection, bool isSqlServer, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (isSqlServer)
        {
            await connection.ExecuteAsync(new CommandDefinition(MigrationSql.TakeLockSqlServer, transaction: tx, cancellationToken: ct));
        }
        var sql = isSqlServer ? MigrationSql.CreateJournalSqlServer : MigrationSql.CreateJournalSqlite;
        await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private async Task<bool> ApplyAsync(DbConnection connection, MigrationScript script, bool isSqlServer, CancellationToken ct)
    {
        if (script.RunsWithoutTransaction)
        {
            return await ApplyWithoutTransactionAsync(connection, script, isSqlServer, ct);
        }
        // Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock is held from here on.
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (isSqlServer)
        {
            await connection.ExecuteAsync(new CommandDefinition(MigrationSql.TakeLockSqlServer, transaction: tx, cancellationToken: ct));
        }
        var appliedMeanwhile = await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(MigrationSql.SelectChecksum, new { script.Name }, tx, cancellationToken: ct));
        if (appliedMeanwhile is not null)
        {
            EnsureUnchanged(script, appliedMeanwhile);
            return false;
        }

        foreach (var batch in isSqlServer ? SplitOnGo(script.Sql) : [script.Sql])
        {
            await connection.ExecuteAsync(new CommandDefinition(batch, transaction: tx, cancellationToken: ct, commandTimeout: 600));
        }
        await connection.ExecuteAsync(new CommandDefinition(MigrationSql.InsertApplied,
            new { script.Name, script.Checksum, AppliedAt = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    // Serialised across processes by a session-owned app lock on SQL Server (no transaction to own it); the journal
    // row is written last, so a script interrupted half-way runs again in full, which its guards make harmless.
    private async Task<bool> ApplyWithoutTransactionAsync(DbConnection connection, MigrationScript script, bool isSqlServer, CancellationToken ct)
    {
        if (isSqlServer)
        {
            await connection.ExecuteAsync(new CommandDefinition(MigrationSql.TakeSessionLockSqlServer, cancellationToken: ct));
        }
        try
        {
            var appliedMeanwhile = await connection.QuerySingleOrDefaultAsync<string>(
                new CommandDefinition(MigrationSql.SelectChecksum, new { script.Name }, cancellationToken: ct));
            if (appliedMeanwhile is not null)
            {
                EnsureUnchanged(script, appliedMeanwhile);
                return false;
            }
            foreach (var batch in isSqlServer ? SplitOnGo(script.Sql) : [script.Sql])
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, cancellationToken: ct, commandTimeout: 600));
            }
            await connection.ExecuteAsync(new CommandDefinition(MigrationSql.InsertApplied,
                new { script.Name, script.Checksum, AppliedAt = clock.GetUtcNow() }, cancellationToken: ct));
            return true;
        }
        finally
        {
            if (isSqlServer)
            {
                await connection.ExecuteAsync(new CommandDefinition(MigrationSql.ReleaseSessionLockSqlServer, cancellationToken: CancellationToken.None));
            }
        }
    }

    private static void EnsureUnchanged(MigrationScript script, string appliedChecksum)
    {
        if (!string.Equals(script.Checksum, appliedChecksum, StringComparison.Ordinal))
        {
            throw new MigrationChecksumException(script.Name);
        }
    }

    public static IEnumerable<string> SplitOnGo(string sql) =>
        GoLine().Split(sql).Where(batch => !string.IsNullOrWhiteSpace(batch));

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
