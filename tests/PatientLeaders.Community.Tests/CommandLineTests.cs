using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests;

/// <summary>The verbs as an operator runs them: the real program in its own process.</summary>
[NonParallelizable]
public sealed class CommandLineTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(TestDatabase.RootFolder, "cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [Test]
    public async Task Migrate_ThenCreateAdmin_ThenBackup_ProducesAUsableCopy()
    {
        var (migrated, migrateOutput) = await RunAsync("Development", null, "migrate");
        Assert.That(migrated, Is.Zero, migrateOutput);
        Assert.That(migrateOutput, Does.Contain("0001_create_members.sql"));
        var (again, againOutput) = await RunAsync("Development", null, "migrate");
        Assert.That(again, Is.Zero, againOutput);
        Assert.That(againOutput, Does.Contain("up to date"));

        var (created, createOutput) = await RunAsync("Production", "an operator passphrase\n", "create-admin", "--email", "ops@example.org", "--handle", "ops");
        Assert.That(created, Is.Zero, createOutput);

        var copy = Path.Combine(folder, "backups", "copy.db");
        var (backedUp, backupOutput) = await RunAsync("Production", null, "backup", "--to", copy);
        Assert.That(backedUp, Is.Zero, backupOutput);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Handle FROM Members JOIN MemberRoles ON MemberId = Id WHERE Role = 'Admin'";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("ops"));
    }

    [Test]
    public async Task SeedDemo_RefusesOutsideDevelopment_AndSeedsInIt()
    {
        var (refused, refusedOutput) = await RunAsync("Production", null, "seed-demo");
        Assert.That(refused, Is.EqualTo(2));
        Assert.That(refusedOutput, Does.Contain("only runs in the Development environment"));

        var (seeded, seededOutput) = await RunAsync("Development", null, "seed-demo");
        Assert.That(seeded, Is.Zero, seededOutput);
        Assert.That(seededOutput, Does.Contain("@demo-admin").And.Contain("@demo-member"));
        Assert.That(seededOutput, Does.Contain("Created demo mentoring").And.Contain("Created demo programme"));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "community.db")};Pooling=false");
        await connection.OpenAsync();
        async Task<string> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        Assert.That(await Scalar("""
            SELECT COUNT(*) FROM MentorOffers o JOIN MentorAccreditations a ON a.MemberId = o.MemberId
            JOIN Members m ON m.Id = o.MemberId WHERE m.DisplayName LIKE '%(demo)' AND m.Email LIKE '%@example.invalid'
            """), Is.EqualTo("4"), "four clearly fake, accredited mentors");
        Assert.That(await Scalar("SELECT m.Handle FROM MentorOffers o JOIN Members m ON m.Id = o.MemberId WHERE o.IsPaused = 1"), Is.EqualTo("demo-mentor-joan"));
        Assert.That(await Scalar("""
            SELECT mentor.Handle || '+' || mentee.Handle || ':' || s.Format || ':' || o.ActiveCount
            FROM MentoringRelationships x JOIN Members mentor ON mentor.Id = x.MentorId JOIN Members mentee ON mentee.Id = x.MenteeId
            JOIN MentoringSessions s ON s.RelationshipId = x.Id JOIN MentorOffers o ON o.MemberId = x.MentorId
            WHERE x.Status = 'Active' AND mentor.Handle = 'demo-mentor'
            """), Is.EqualTo("demo-mentor+demo-member:Telephone:1"), "an active pair with a telephone session logged");
        Assert.That(await Scalar("SELECT group_concat(Status, ',') FROM (SELECT Status FROM MentoringRequests ORDER BY Id)"), Is.EqualTo("Matched,Waiting,WithCoordinators"));

        Assert.That(await Scalar("SELECT group_concat(Status, ',') FROM (SELECT Status FROM CohortApplications ORDER BY Id)"), Is.EqualTo("Accepted,Accepted,Accepted,Waiting"));
        Assert.That(await Scalar("SELECT COUNT(*) FROM ProgrammeCertificates c JOIN Members m ON m.Id = c.MemberId WHERE m.Handle = 'demo-mentor-priya'"), Is.EqualTo("1"),
            "the alumni cohort's participant completed");
        Assert.That(await Scalar("SELECT COUNT(*) FROM MemberRoles WHERE Role LIKE 'Alumni:%'"), Is.EqualTo("1"));
        Assert.That(await Scalar("SELECT COUNT(*) FROM SessionAttendance"), Is.EqualTo("9"), "five sessions of the alumni cohort, two for each of two in the running one");
        Assert.That(await Scalar("SELECT COUNT(*) || ' threads, ' || SUM(ReplyCount) || ' replies' FROM Threads t JOIN ForumCategories c ON c.Id = t.CategoryId WHERE c.Slug LIKE '%-demo'"),
            Is.EqualTo("4 threads, 8 replies"), "a living forum, not an empty one");
        Assert.That(await Scalar("""
            SELECT s.Name || ':' || (SELECT COUNT(*) FROM SetMembers m WHERE m.SetId = s.Id) || ':' || (SELECT COUNT(*) FROM SetMeetings n WHERE n.SetId = s.Id AND n.ClosedAt IS NULL)
            FROM Sets s
            """), Is.EqualTo("Wednesday evening set (demo):4:1"), "a set with its next meeting booked");
        Assert.That(await Scalar("SELECT COUNT(*) FROM MemberProfiles WHERE ListedInDirectory = 1"), Is.EqualTo("14"), "every demo member in the directory");

        var (again, againOutput) = await RunAsync("Development", null, "seed-demo");
        Assert.That(again, Is.Zero, againOutput);
        Assert.That(againOutput, Does.Contain("already exists").And.Not.Contain("Created demo mentoring"), "a second run adds nothing");
        Assert.That(await Scalar("SELECT COUNT(*) FROM MentoringRequests"), Is.EqualTo("3"));
    }

    [Test]
    public async Task UnknownVerb_ExitsWithUsage()
    {
        var (code, output) = await RunAsync("Development", null, "frobnicate");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("Commands: migrate, create-admin, seed-demo"));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string environment, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PatientLeaders.Community.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__Community"] = $"Data Source={Path.Combine(folder, "community.db")}";
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
        start.Environment["Mail__PickupFolder"] = Path.Combine(folder, "mail");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
