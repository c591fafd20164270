using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace PatientLeaders.Community.Tests.DevelopmentTools;

/// <summary>
/// The benchmark community's generator (`seed-bench`) writes straight into the tables with the site's own statements,
/// so every new column those statements name must be given by the generator too. A small community on the current
/// schema proves it still runs: without this, the benchmarks can break unnoticed until someone next measures.
/// </summary>
public sealed class BenchCommunityTests
{
    [Test]
    public async Task Generator_BuildsASmallCommunity_OnTheCurrentSchema()
    {
        var folder = Path.Combine(Path.GetTempPath(), "plc-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "bench.db");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "PatientLeaders.Community.Web.dll"), "seed-bench", "--to", file, "--seed", "1", "--scale", "0.002" })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(limit.Token);
            Assert.That(process.ExitCode, Is.EqualTo(0), await output + await errors);

            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync();
            foreach (var table in new[] { "Members", "Posts", "Threads", "Sets", "SetMeetings", "MentoringRequests", "ProgrammeCohorts", "CohortSessions", "PoolMembers", "Opportunities" })
            {
                Assert.That(await CountAsync(connection, $"SELECT COUNT(*) FROM {table}"), Is.GreaterThan(0), table);
            }
            // The pages the benchmarks read as member00001: their cohort (named in the summary) and the open opportunities.
            var cohort = Regex.Match(await output, @"^cohort=(\d+)", RegexOptions.Multiline).Groups[1].Value;
            Assert.That(await CountAsync(connection, $"""
                SELECT COUNT(*) FROM CohortApplications a JOIN Members m ON m.Id = a.MemberId
                WHERE a.CohortId = {cohort} AND a.Status = 'Accepted' AND m.Handle = 'member00001'
                """), Is.EqualTo(1), "the benchmark member takes part in the cohort the summary names");
            Assert.That(await CountAsync(connection, """
                SELECT COUNT(*) FROM Opportunities o JOIN Organisations g ON g.Id = o.OrganisationId
                WHERE o.Status = 'Approved' AND o.ClosesOn > '2098' AND g.VerifiedAt IS NOT NULL
                """), Is.EqualTo(40), "open opportunities");
            Assert.That(await CountAsync(connection, "SELECT COUNT(*) FROM PoolMembers p JOIN Members m ON m.Id = p.MemberId WHERE m.Handle = 'member00001'"), Is.EqualTo(1));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = sql;
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
