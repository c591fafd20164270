using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Infrastructure;

/// <summary>
/// The real site as a person runs it: its own process on Kestrel, a fresh SQLite file, mail written as .eml files,
/// and the one-time setup link read from its console.
/// </summary>
public sealed class LiveSite : IAsyncDisposable
{
    private readonly TaskCompletionSource<string> setupLink = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string folder;
    private readonly IReadOnlyDictionary<string, string> settings;
    private Process process;

    private LiveSite(string folder, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.folder = folder;
        this.settings = settings ?? new Dictionary<string, string>();
        BaseUrl = $"http://127.0.0.1:{port}";
        MailFolder = Path.Combine(folder, "mail");
        process = CreateProcess();
    }

    private Process CreateProcess()
    {
        var webDll = Path.Combine(AppContext.BaseDirectory, "PatientLeaders.Community.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { webDll, "--urls", BaseUrl, "--contentRoot", WebProjectFolder() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Community"] = $"Data Source={Path.Combine(folder, "community.db")}";
        start.Environment["Community__BaseUrl"] = BaseUrl;
        start.Environment["Mail__Transport"] = "PickupFolder";
        start.Environment["Mail__PickupFolder"] = MailFolder;
        start.Environment["Mail__PollIntervalSeconds"] = "1";
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
        // Every test member is new: the first-day posting limits would make journeys wait (they have integration tests).
        start.Environment["ForumNewMembers__FirstDayHours"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("/setup?token=", StringComparison.Ordinal) == true)
            {
                setupLink.TrySetResult(e.Data.Trim());
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        return process;
    }

    public string BaseUrl { get; }

    public string MailFolder { get; }

    /// <param name="settings">Extra environment variables (Section__Key) for the site.</param>
    public static async Task<LiveSite> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "plc-live-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var site = new LiveSite(folder, FreePort(), settings);
        if (!await site.RunAsync())
        {
            await site.DisposeAsync();
            throw new InvalidOperationException("The site did not start.");
        }
        return site;
    }

    /// <summary>
    /// Stops the site's process and starts a new one on the same database file, keys and port. Graceful: as a
    /// service manager stops it (SIGTERM), and returns how long the old process took to exit; otherwise killed.
    /// </summary>
    public async Task<TimeSpan> RestartAsync(bool graceful = false)
    {
        var stopping = Stopwatch.StartNew();
        if (!process.HasExited)
        {
            if (graceful)
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await process.WaitForExitAsync(limit.Token);
            }
            else
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        var stopped = stopping.Elapsed;
        process.Dispose();
        process = CreateProcess();
        if (!await RunAsync())
        {
            throw new InvalidOperationException("The site did not restart.");
        }
        return stopped;
    }

    private async Task<bool> RunAsync()
    {
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        return false;
    }

    public Task<string> SetupLinkAsync() => setupLink.Task.WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Waits for the background sender to write a mail to <paramref name="address"/> and returns its first link (containing <paramref name="linkContains"/>).</summary>
    public async Task<string> WaitForLinkAsync(string address, string subjectContains, string linkContains = "")
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(MailFolder))
            {
                var mail = Directory.GetFiles(MailFolder, "*.eml").Select(ReceivedMail.FromFile)
                    .FirstOrDefault(m => m.To.Equals(address, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subjectContains, StringComparison.Ordinal));
                if (mail is not null)
                {
                    var link = mail.Body.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith(BaseUrl, StringComparison.Ordinal) && w.Contains(linkContains, StringComparison.Ordinal));
                    return link.Trim();
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No mail '{subjectContains}' to {address}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string WebProjectFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PatientLeaders.Community.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Solution folder not found"), "src", "PatientLeaders.Community.Web");
    }
}
