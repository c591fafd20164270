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
    private readonly Process process;
    private readonly TaskCompletionSource<string> setupLink = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string folder;

    private LiveSite(string folder, int port)
    {
        this.folder = folder;
        BaseUrl = $"http://127.0.0.1:{port}";
        MailFolder = Path.Combine(folder, "mail");
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
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("/setup?token=", StringComparison.Ordinal) == true)
            {
                setupLink.TrySetResult(e.Data.Trim());
            }
        };
        process.ErrorDataReceived += (_, _) => { };
    }

    public string BaseUrl { get; }

    public string MailFolder { get; }

    public static async Task<LiveSite> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "plc-live-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var site = new LiveSite(folder, FreePort());
        site.process.Start();
        site.process.BeginOutputReadLine();
        site.process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                if ((await http.GetAsync(site.BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        await site.DisposeAsync();
        throw new InvalidOperationException("The site did not start.");
    }

    public Task<string> SetupLinkAsync() => setupLink.Task.WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Waits for the background sender to write a mail to <paramref name="address"/> and returns its first link.</summary>
    public async Task<string> WaitForLinkAsync(string address, string subjectContains)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(MailFolder))
            {
                var mail = Directory.GetFiles(MailFolder, "*.eml").Select(ReceivedMail.FromFile)
                    .FirstOrDefault(m => m.To.Equals(address, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subjectContains, StringComparison.Ordinal));
                if (mail is not null)
                {
                    var link = mail.Body.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith(BaseUrl, StringComparison.Ordinal));
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
