using System.Net;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PatientLeaders.Community.Web.Features.Forum.Email;

namespace PatientLeaders.Community.Tests.Infrastructure;

public sealed record SentMail(string ToAddress, string Subject, string TextBody);

/// <summary>The real site in memory, on a fresh SQLite file of its own, in a production-like environment.</summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    // A host watches its settings files and web root (asp-append-version) with inotify, and the watchers outlive
    // the thousands of hosts one run starts until Linux's default of 128 instances per user is used up. Tests never
    // change those files, so: no reloading, and the file providers poll instead of taking inotify instances.
    static TestApp()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly Action<IServiceCollection>? services;

    private TestApp(TestDatabase database, TimeProvider? clock, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Database = database;
        Clock = clock;
        this.settings = settings;
        this.services = services;
    }

    public TestDatabase Database { get; }

    public TimeProvider? Clock { get; }

    /// <summary>Everything the site logged, at every level.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<TestApp> CreateAsync(TimeProvider? clock = null, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync();
        var folder = Path.Combine(TestDatabase.RootFolder, "app-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Community"] = database.ConnectionString,
            ["Database:Provider"] = "Sqlite",
            ["Mail:Transport"] = "PickupFolder",
            ["Mail:PickupFolder"] = Path.Combine(folder, "mail"),
            // Tests read mail from the outbox table: the sender stays off so rows are not raced.
            ["Mail:SenderEnabled"] = "false",
            // Digest tests run the job themselves, at the fake clock's time.
            ["ForumDigests:Enabled"] = "false",
            ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
            ["Uploads:Folder"] = Path.Combine(folder, "uploads"),
            ["Community:BaseUrl"] = "https://localhost",
            // Every test member is new; the first-day posting limits are tested by turning them back on (NewMemberLimitTests).
            ["ForumNewMembers:FirstDayHours"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return new TestApp(database, clock, settings, services);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is not null)
        {
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton(Clock)));
        }
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>A client that behaves like a browser: keeps cookies, does not follow redirects, speaks https.</summary>
    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>A browser whose cookies the test can also hand to a SignalR connection (<see cref="ConnectHubAsync"/>).</summary>
    public HttpClient NewBrowser(CookieContainer cookies) => CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    /// <summary>A real SignalR client on the in-memory server (negotiation, then a WebSocket), signed in with the given cookies.</summary>
    public async Task<HubConnection> ConnectHubAsync(string path, CookieContainer cookies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri("https://localhost"), path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = Server.CreateHandler() };
                o.WebSocketFactory = async (context, ct) =>
                {
                    var client = Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookies.GetCookieHeader(new Uri("https://localhost"));
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<IReadOnlyList<SentMail>> MailAsync()
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.QueryAsync<SentMail>("SELECT ToAddress, Subject, TextBody FROM MailOutbox ORDER BY Id")).ToList();
    }

    public async Task<SentMail> LastMailToAsync(string address)
    {
        var mail = (await MailAsync()).LastOrDefault(m => string.Equals(m.ToAddress, address, StringComparison.OrdinalIgnoreCase));
        Assert.That(mail, Is.Not.Null, $"No mail to {address}");
        return mail!;
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("No value");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static void AssertRedirect(HttpResponseMessage response, string expectedPathStart)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect).Or.EqualTo(HttpStatusCode.Found), $"Expected a redirect to {expectedPathStart}");
        Assert.That(response.Headers.Location?.OriginalString, Does.StartWith(expectedPathStart).Or.Contain("localhost" + expectedPathStart));
    }
}
