using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Infrastructure;

/// <summary>
/// Debian's coturn on a free loopback port, with time-limited credentials (use-auth-secret) as the site expects, and
/// nothing else: no TLS, no configuration file, no admin console. Browsers on this machine can only reach each other's
/// relayed addresses on loopback, so loopback peers are allowed here; a real server denies them and every private
/// range (README, "Running a TURN server"). Without coturn the test is ignored, or fails when REQUIRE_TURN is set (CI).
/// </summary>
public sealed class CoturnTestServer : IAsyncDisposable
{
    private readonly Process process;

    private CoturnTestServer(Process process, int port, string secret)
    {
        this.process = process;
        Port = port;
        Secret = secret;
    }

    public int Port { get; }

    public string Secret { get; }

    public string Url => $"turn:127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}?transport=udp";

    public static string? Executable => new[] { "/usr/bin/turnserver", "/usr/local/bin/turnserver" }.FirstOrDefault(File.Exists);

    public static async Task<CoturnTestServer> StartAsync()
    {
        if (Executable is null)
        {
            const string message = "coturn is not installed (Debian: apt-get install coturn).";
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("REQUIRE_TURN")))
            {
                Assert.Ignore(message);
            }
            Assert.Fail(message + " REQUIRE_TURN is set.");
        }
        var port = SmtpTestServer.FreePort();
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}", "--use-auth-secret",
            $"--static-auth-secret={secret}", "--realm=plc.test", "--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-cli",
            "--fingerprint", "--no-multicast-peers", "--log-file=stdout", "--simple-log", "--pidfile=",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("turnserver did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new CoturnTestServer(process, port, secret);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
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
}
