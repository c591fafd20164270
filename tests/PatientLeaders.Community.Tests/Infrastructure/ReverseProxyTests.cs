using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using PatientLeaders.Community.Web.Infrastructure.Hosting;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>Behind a TLS-terminating proxy: the proxies named in the settings are believed, anyone else's headers are not.</summary>
public sealed class ReverseProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.7");

    [Test]
    public async Task AKnownProxy_GivesTheVisitorsSchemeAndAddress_AnUnknownOneIsIgnored()
    {
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?>
        {
            ["ReverseProxy:KnownProxies:0"] = Proxy.ToString(),
            ["RateLimits:UnsubscribePerMinute"] = "2",
        });

        // HSTS is sent over HTTPS only: through the known proxy the visitor's https counts, through a stranger it does not.
        Assert.That((await SendAsync(app, Proxy, "203.0.113.1")).Response.Headers.ContainsKey("Strict-Transport-Security"), Is.True);
        Assert.That((await SendAsync(app, IPAddress.Parse("198.51.100.8"), "203.0.113.1")).Response.Headers.ContainsKey("Strict-Transport-Security"), Is.False);

        // Rate limits count each visitor behind the known proxy on their own...
        for (var i = 0; i < 2; i++)
        {
            Assert.That((await SendAsync(app, Proxy, "203.0.113.2")).Response.StatusCode, Is.Not.EqualTo(429));
        }
        Assert.That((await SendAsync(app, Proxy, "203.0.113.2")).Response.StatusCode, Is.EqualTo(429));
        Assert.That((await SendAsync(app, Proxy, "203.0.113.3")).Response.StatusCode, Is.Not.EqualTo(429), "another visitor behind the proxy");

        // ...and everyone sending through an unknown address as that address, whatever it claims.
        for (var i = 0; i < 2; i++)
        {
            Assert.That((await SendAsync(app, Stranger, "203.0.113." + (10 + i))).Response.StatusCode, Is.Not.EqualTo(429));
        }
        Assert.That((await SendAsync(app, Stranger, "203.0.113.99")).Response.StatusCode, Is.EqualTo(429), "the claimed address is ignored");
    }

    [Test]
    public void Production_WithoutHttpsOrAKnownProxy_StopsAtStartWithWhatToDo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new Dictionary<string, string?>()).RequireHttpsInProduction());
        Assert.That(error!.Message, Does.Contain("ReverseProxy:KnownProxies").And.Contain("HTTPS"));
        Assert.DoesNotThrow(() => Build(new Dictionary<string, string?> { ["ReverseProxy:KnownNetworks:0"] = "10.0.0.0/24" }).RequireHttpsInProduction());
        Assert.DoesNotThrow(() => Build(new Dictionary<string, string?> { ["urls"] = "https://+:443" }).RequireHttpsInProduction());
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder.Build();
    }

    private static Task<HttpContext> SendAsync(TestApp app, IPAddress from, string forwardedFor) =>
        app.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = from;
            context.Request.Scheme = "http";
            context.Request.Path = "/unsubscribe/not-a-token";
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            context.Request.Headers["X-Forwarded-Proto"] = "https";
        });
}
