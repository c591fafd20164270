using Microsoft.Data.Sqlite;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>The command-line verbs; each runs against the configured database and exits. See README.</summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        // A verb comes first; anything else (--urls, --environment, Key=Value) is for the host.
        var verb = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        if (verb is null)
        {
            return false;
        }
        var ct = CancellationToken.None;
        var services = app.Services;
        switch (verb)
        {
            case "migrate":
                var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
                Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
                break;
            case "create-admin":
                Environment.ExitCode = await CreateAdminAsync(services, Option(args, "--email"), Option(args, "--handle"), Option(args, "--name"), ct);
                break;
            case "seed-demo":
                if (!app.Environment.IsDevelopment())
                {
                    Console.Error.WriteLine("seed-demo only runs in the Development environment: it creates accounts with published passwords.");
                    Environment.ExitCode = 2;
                    break;
                }
                await services.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
                await DemoData.SeedAsync(services, ct);
                break;
            case "seed-bench":
                if (!app.Environment.IsDevelopment())
                {
                    Console.Error.WriteLine("seed-bench only runs in the Development environment: it creates accounts with a published password.");
                    Environment.ExitCode = 2;
                    break;
                }
                if (Option(args, "--to") is { } benchFile)
                {
                    Environment.ExitCode = await BenchCommunity.RunAsync(services, benchFile, int.TryParse(Option(args, "--seed"), out var seed) ? seed : 1,
                        double.TryParse(Option(args, "--scale"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale) ? scale : 1.0, ct);
                    break;
                }
                await services.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
                await BenchData.SeedAsync(services, int.TryParse(Option(args, "--rooms"), out var rooms) ? rooms : 25,
                    int.TryParse(Option(args, "--members"), out var members) ? members : 8, ct);
                break;
            case "backup":
                Environment.ExitCode = await BackupAsync(services, Option(args, "--to"), ct);
                break;
            default:
                Console.Error.WriteLine($"Unknown command '{verb}'. Commands: migrate, create-admin, seed-demo, seed-bench, backup --to FILE.");
                Environment.ExitCode = 2;
                break;
        }
        return true;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string? email, string? handle, string? name, CancellationToken ct)
    {
        if (email is null || handle is null)
        {
            Console.Error.WriteLine("Usage: create-admin --email ADDRESS --handle HANDLE [--name \"Display name\"]  (the password is read from standard input)");
            return 2;
        }
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
        Console.Error.Write("Password: ");
        var password = Console.ReadLine() ?? "";
        using var scope = services.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<RegistrationService>();
        var result = await registration.RegisterAsync(new NewMember(name ?? handle, handle, email, password), [Roles.Member, Roles.Admin], null, emailAlreadyConfirmed: true, ct);
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Errors)
            {
                Console.Error.WriteLine(message == "EmailOrHandleInUse" ? "That email address or handle is already in use." : message);
            }
            return 1;
        }
        Console.WriteLine($"Created administrator @{result.Member!.Handle}. They will be asked to set up two-factor sign-in when they first sign in.");
        return 0;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string? target, CancellationToken ct)
    {
        var db = services.GetRequiredService<DbConnectionFactory>();
        if (target is null || db.Dialect is not SqliteDialect)
        {
            Console.Error.WriteLine(target is null ? "Usage: backup --to FILE" : "backup is for SQLite; back up SQL Server with its own tools.");
            return 2;
        }
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var source = (SqliteConnection)await db.OpenAsync(ct);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        destination.Open();
        // SQLite's online backup API: a consistent copy while the site keeps reading and writing.
        source.BackupDatabase(destination);
        Console.WriteLine($"Backed up to {full}");
        return 0;
    }
}
