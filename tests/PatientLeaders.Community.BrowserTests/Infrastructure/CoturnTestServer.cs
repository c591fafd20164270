using System.Diagnostics;
using System.Globalization;
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
        var process = ServerProcess.Start(Executable!,
        [
            "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}", "--use-auth-secret",
            $"--static-auth-secret={secret}", "--realm=plc.test", "--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-cli",
            "--fingerprint", "--no-multicast-peers", "--log-file=stdout", "--simple-log", "--pidfile=",
        ]);
        await ServerProcess.WaitUntilListeningAsync(process, port);
        return new CoturnTestServer(process, port, secret);
    }

    public ValueTask DisposeAsync() => ServerProcess.StopAsync(process);
}
