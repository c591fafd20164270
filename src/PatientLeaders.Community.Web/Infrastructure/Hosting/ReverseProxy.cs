using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace PatientLeaders.Community.Web.Infrastructure.Hosting;

/// <summary>
/// The proxies whose X-Forwarded-For and X-Forwarded-Proto the site believes (a TLS-terminating load balancer or
/// nginx). Only these: a request from anywhere else keeps its own address and scheme, whatever headers it sends.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies, such as <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, such as <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Nothing is trusted by default (not even loopback): only what the settings name.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(address, out var ip) ? ip
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{address}' is not an IP address."));
            }
            foreach (var network in proxy.KnownNetworks)
            {
                options.KnownIPNetworks.Add(IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{network}' is not a network in CIDR form, such as 10.0.0.0/24."));
            }
        });
        return services;
    }

    /// <summary>
    /// Sign-in cookies are Secure, so in Production every form needs HTTPS: either the site's own HTTPS endpoint or
    /// a trusted proxy that says the visitor used HTTPS. Without either, stop at start with what to do, rather than
    /// answer every form with an error.
    /// </summary>
    public static void RequireHttpsInProduction(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
        {
            return;
        }
        var proxy = app.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        if (!proxy.IsConfigured && !HasHttpsEndpoint(app.Configuration))
        {
            throw new InvalidOperationException(
                "In Production the site needs HTTPS: sign-in cookies are only sent over it. Either give the site an HTTPS address " +
                "(ASPNETCORE_URLS=https://… with a certificate, or Kestrel:Endpoints), or run it behind a TLS-terminating reverse proxy " +
                "and name that proxy in ReverseProxy:KnownProxies or ReverseProxy:KnownNetworks (README, \"Running behind a reverse proxy\").");
        }
    }

    private static bool HasHttpsEndpoint(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
