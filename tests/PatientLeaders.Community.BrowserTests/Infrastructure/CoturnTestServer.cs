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
        var process = ServerProcess.Start(Executable!,
        [
            "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={port}", "--use-auth-secret",
            $"--static-auth-secret={secret}", "--realm=plc.test", "--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-cli",
            "--fingerprint", "--no-multicast-peers", "--log-file=stdout", "--simple-log", "--pidfile=",
        ]);
        await ServerProcess.WaitUntilListeningAsync(process, port);
        await WaitUntilAnsweringOverUdpAsync(process, port);
        return new CoturnTestServer(process, port, secret);
    }

    /// <summary>
    /// The browsers reach coturn over UDP, whose listener can open after the TCP one: a request that meets a closed
    /// UDP port makes Chromium give up on the server and gather no relay candidates. So wait for a STUN binding
    /// response (RFC 5389: type 0x0001, no attributes, the magic cookie, a random transaction id).
    /// </summary>
    private static async Task WaitUntilAnsweringOverUdpAsync(Process process, int port)
    {
        var request = new byte[20];
        request[1] = 0x01;
        request[4] = 0x21; request[5] = 0x12; request[6] = 0xA4; request[7] = 0x42;
        System.Security.Cryptography.RandomNumberGenerator.Fill(request.AsSpan(8));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var client = new UdpClient();
            client.Connect("127.0.0.1", port);
            try
            {
                await client.SendAsync(request);
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));
                var answer = await client.ReceiveAsync(wait.Token);
                if (answer.Buffer.Length >= 20 && answer.Buffer.AsSpan(8, 12).SequenceEqual(request.AsSpan(8, 12)))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
            if (DateTime.UtcNow >= deadline || process.HasExited)
            {
                Assert.Fail($"coturn did not answer a STUN binding request on UDP port {port} within 15 s.");
            }
        }
    }

    public ValueTask DisposeAsync() => ServerProcess.StopAsync(process);
}
