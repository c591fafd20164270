using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd with its Mailbox handler (smtp_test_server.py), run as a child
/// process on a free loopback port, storing every message it accepts in a Maildir that the test reads back. It can
/// require a user name and password, and refuse recipients that start with a given prefix.
/// </summary>
/// <remarks>
/// Needs python3 with aiosmtpd (Debian: python3-aiosmtpd). Without it the test is ignored, or fails when the
/// REQUIRE_SMTP environment variable is set (CI). SMTP_TEST_PYTHON picks a specific interpreter.
/// The Mailbox handler stores a message before it answers 250 to DATA, so once a send has returned the
/// message is already readable.
/// </remarks>
/// <example><code>
/// using var smtp = await SmtpTestServer.StartNewAsync();
/// // ... point Mail:Smtp:Host = 127.0.0.1, Mail:Smtp:Port = smtp.Port, send ...
/// var mail = (await smtp.WaitForMailAsync(m => m.To == "alice@example.com"))[0];
/// </code></example>
public sealed class SmtpTestServer : IDisposable, IAsyncDisposable
{
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private static readonly Lazy<string?> Python = new(FindPython);

    private readonly StringBuilder output = new();
    private Process? process;

    private readonly string? credentials;
    private readonly string? rejectPrefix;

    private SmtpTestServer(int port, string maildirPath, string? credentials, string? rejectPrefix)
    {
        Port = port;
        MaildirPath = maildirPath;
        this.credentials = credentials;
        this.rejectPrefix = rejectPrefix;
    }

    /// <summary>How many SMTP sessions (EHLO greetings) the server has had.</summary>
    public int Connections => Output.Split('\n').Count(line => line.TrimEnd() == "CONNECTED");

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string MaildirPath { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>True when python3 with aiosmtpd is installed.</summary>
    public static bool IsAvailable => Python.Value is not null;

    /// <summary>Ignores the calling test (or fails it, with REQUIRE_SMTP set) when aiosmtpd is missing.</summary>
    public static void RequireAvailable()
    {
        if (IsAvailable)
        {
            return;
        }
        const string message = "python3 with aiosmtpd is not installed (Debian: apt-get install python3-aiosmtpd).";
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("REQUIRE_SMTP")))
        {
            Assert.Ignore(message);
        }
        Assert.Fail(message + " REQUIRE_SMTP is set.");
    }

    /// <summary>A server on a free port, not yet started: for tests where the server is down at first.</summary>
    /// <param name="credentials">"user:password" to require AUTH.</param>
    /// <param name="rejectPrefix">Recipients starting with this are refused with 550.</param>
    public static SmtpTestServer Create(int? port = null, string? credentials = null, string? rejectPrefix = null)
    {
        RequireAvailable();
        var maildir = Path.Combine(Path.GetTempPath(), $"plc-smtp-{Guid.NewGuid():N}");
        // Python's Maildir only lays out tmp/new/cur when it creates the folder itself.
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, folder));
        }
        return new SmtpTestServer(port ?? FreePort(), maildir, credentials, rejectPrefix);
    }

    /// <summary>Creates and starts a server on a free port.</summary>
    public static async Task<SmtpTestServer> StartNewAsync(
        CancellationToken ct = default, string? credentials = null, string? rejectPrefix = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Create(credentials: credentials, rejectPrefix: rejectPrefix);
            try
            {
                await server.StartAsync(ct);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between FreePort and bind; try another.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A loopback port nothing listens on at the moment of asking.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Starts (or restarts) the server and returns once the port accepts connections.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (IsRunning)
        {
            return;
        }
        var start = new ProcessStartInfo(Python.Value!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_test_server.py");
        var arguments = new List<string> { script, Host, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), MaildirPath };
        if (credentials is not null)
        {
            arguments.AddRange(["--auth", credentials]);
        }
        if (rejectPrefix is not null)
        {
            arguments.AddRange(["--reject", rejectPrefix]);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PYTHONUNBUFFERED"] = "1";
        var started = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (started.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {started.ExitCode} on port {Port}: {Output}");
            }
            if (await AcceptsConnectionsAsync(ct))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                await StopAsync();
                throw new TimeoutException($"aiosmtpd did not listen on port {Port} within 15 s: {Output}");
            }
            await Task.Delay(50, ct);
        }
    }

    /// <summary>Stops the server; received mail stays readable, and StartAsync brings it back on the same port.</summary>
    public async Task StopAsync()
    {
        var running = process;
        process = null;
        if (running is null)
        {
            return;
        }
        using (running)
        {
            if (!running.HasExited)
            {
                running.Kill(entireProcessTree: true);
            }
            await running.WaitForExitAsync();
        }
    }

    /// <summary>Everything received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> ReadAll()
    {
        var files = new[] { "new", "cur" }
            .Select(folder => Path.Combine(MaildirPath, folder))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(path => new FileInfo(path))
            .OrderBy(file => file.LastWriteTimeUtc)
            .ThenBy(file => file.Name, StringComparer.Ordinal);
        return files.Select(file => ReceivedMail.FromFile(file.FullName)).ToList();
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> received mails match, then returns all that match.
    /// Throws TimeoutException (listing what did arrive) after <paramref name="timeout"/>, 10 s by default.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMailAsync(
        Func<ReceivedMail, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWaitTimeout);
        while (true)
        {
            var all = ReadAll();
            var matching = all.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }
            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join("; ", all.Select(m => $"{m.To}: {m.Subject}"));
                throw new TimeoutException(
                    $"Expected {count} matching mail(s) on port {Port}, got {matching.Count} of {all.Count}: [{seen}]");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Forgets everything received so far.</summary>
    public void Clear()
    {
        foreach (var folder in new[] { "new", "cur", "tmp" })
        {
            var path = Path.Combine(MaildirPath, folder);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.GetFiles(path))
                {
                    File.Delete(file);
                }
            }
        }
    }

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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(MaildirPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(Host, Port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string? FindPython()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("SMTP_TEST_PYTHON"), "/usr/bin/python3", "python3" };
        foreach (var candidate in candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct())
        {
            try
            {
                var probe = new ProcessStartInfo(candidate!)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                probe.ArgumentList.Add("-c");
                probe.ArgumentList.Add("import aiosmtpd.handlers");
                using var process = Process.Start(probe);
                if (process is null)
                {
                    continue;
                }
                if (process.WaitForExit(TimeSpan.FromSeconds(20)) && process.ExitCode == 0)
                {
                    return candidate;
                }
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not on PATH.
            }
        }
        return null;
    }
}
