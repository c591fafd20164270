using System.Diagnostics;
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
            foreach (var table in new[] { "Members", "Posts", "Threads", "Sets", "SetMeetings", "MentoringRequests" })
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM {table}";
                Assert.That((long)(await count.ExecuteScalarAsync())!, Is.GreaterThan(0), table);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
