using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace PatientLeaders.Community.Tests.Data;

/// <summary>
/// The class of bug a change counter invites (<see cref="Web.Data.ChangeCounters"/>): a table that what it guards
/// reads, without a trigger that moves it on some kind of write.
/// </summary>
public static partial class ChangeCounterTriggers
{
    /// <summary>The tables a statement reads from or joins (names in PascalCase; SQL Server functions such as CONTAINSTABLE are not).</summary>
    public static IReadOnlySet<string> TablesIn(string sql) => TableNames().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>Fails unless <paramref name="table"/> has a trigger moving <paramref name="counter"/> after each of <paramref name="writes"/>.</summary>
    public static async Task AssertMovedByAsync(DbConnection connection, string counter, string table, params string[] writes)
    {
        var triggers = (await connection.QueryAsync<string>(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = @table AND sql LIKE @moves",
            new { table, moves = $"%SET Value = Value + 1 WHERE Name = '{counter}'%" })).ToList();
        foreach (var write in writes.Length > 0 ? writes : ["INSERT", "UPDATE", "DELETE"])
        {
            Assert.That(triggers, Has.Some.Contains($"AFTER {write}"), $"{table}: {write} must move {counter}");
        }
    }

    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+([A-Z][a-z][A-Za-z]*)\b")]
    private static partial Regex TableNames();
}
