using System.Diagnostics;
using System.Globalization;

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
        var process = ServerProcess.Start(Executable!, ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        await ServerProcess.WaitUntilListeningAsync(process, port);
        return new RedisTestServer(process, port);
    }

    public ValueTask DisposeAsync() => ServerProcess.StopAsync(process);
}
