using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>
/// Debian's redis-server on a free loopback port, with nothing saved to disk, for the tests of several servers.
/// Without it the test is ignored, or fails when REQUIRE_REDIS is set (CI).
/// </summary>
public sealed class RedisTestServer : IAsyncDisposable
{
    private readonly Process process;

    private RedisTestServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static string? Executable => new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    public static void RequireAvailable()
    {
        if (Executable is not null)
        {
            return;
        }
        const string message = "redis-server is not installed (Debian: apt-get install redis-server).";
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("REQUIRE_REDIS")))
        {
            Assert.Ignore(message);
        }
        Assert.Fail(message + " REQUIRE_REDIS is set.");
    }

    public static async Task<RedisTestServer> StartAsync()
    {
        RequireAvailable();
        var port = SmtpTestServer.FreePort();
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisTestServer(process, port);
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
