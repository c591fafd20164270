using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>
/// The site as its own operating-system process (the built PatientLeaders.Community.Web.dll under `dotnet`) on a free
/// loopback port, with settings given as environment variables: for tests of several servers side by side.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiteProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<SiteProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = SmtpTestServer.FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PatientLeaders.Community.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        // Development: cookies without the Secure flag, since these servers speak plain http on loopback.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var started = Process.Start(start) ?? throw new InvalidOperationException("The site did not start.");
        var site = new SiteProcess(started, address);
        started.OutputDataReceived += (_, e) => site.Append(e.Data);
        started.ErrorDataReceived += (_, e) => site.Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {started.ExitCode}: {site.Output}");
            }
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                await site.DisposeAsync();
                throw new TimeoutException($"The site did not answer /healthz within 60 s: {site.Output}");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
