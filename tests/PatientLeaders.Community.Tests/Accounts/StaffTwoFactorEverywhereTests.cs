using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Accounts;

/// <summary>
/// Staff who signed in with a password but have not set up two-factor reach nothing but the setup and signing out:
/// every endpoint the site maps and every method of every hub is called, so a new one is covered without editing this.
/// </summary>
public sealed class StaffTwoFactorEverywhereTests
{
    /// <summary>The whole list of what such staff may open. Adding to it is a security decision: say why in the commit.</summary>
    private static readonly string[] Allowed =
    [
        "account/keep-alive", "account/login", "account/login-two-factor", "account/logout", "account/two-factor",
        "errors/{code:int}", "healthz", "help", "help/accessibility", "help/privacy",
    ];

    [Test]
    public async Task EveryEndpoint_RefusesStaffWithoutTwoFactor_ExceptSetupAndSigningOut()
    {
        await using var app = await TestApp.CreateAsync();
        var cookies = new CookieContainer();
        await SignInAdminWithoutTwoFactorAsync(app, cookies);
        var browser = app.NewBrowser(cookies);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var allowed = endpoints.Where(StaffTwoFactor.MayEnter).Select(e => e.RoutePattern.RawText!.Trim('/')).Distinct().Order().ToList();
        Assert.That(allowed, Is.EqualTo(Allowed.Order().ToList()));

        var refused = endpoints.Where(e => !StaffTwoFactor.MayEnter(e)).ToList();
        Assert.That(refused.Count(e => e.Metadata.GetMetadata<HubMetadata>() is not null), Is.GreaterThanOrEqualTo(3), "the hubs are enumerated");
        foreach (var endpoint in refused)
        {
            var url = "/" + Regex.Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]+\}", p => p.Value.StartsWith("{handle", StringComparison.Ordinal) ? "someone" : "1");
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var response = await browser.SendAsync(new HttpRequestMessage(method, url) { Content = method == HttpMethod.Post ? new FormUrlEncodedContent([]) : null });
                if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                {
                    TestApp.AssertRedirect(response, StaffTwoFactor.SetUpPath);
                }
                else
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{method} {url}");
                }
            }
        }

        var setUp = await browser.GetPageAsync(StaffTwoFactor.SetUpPath);
        Assert.That(setUp.Text("main"), Does.Contain("two-factor"), "the setup page itself opens");
    }

    [Test]
    public async Task EveryHubMethod_RefusesStaffWhoseTwoFactorIsOff_EvenOnAConnectionOpenedBefore()
    {
        await using var app = await TestApp.CreateAsync();
        var cookies = new CookieContainer();
        await SignInAdminWithoutTwoFactorAsync(app, cookies);
        var hubs = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is not null && !e.RoutePattern.RawText!.EndsWith("/negotiate", StringComparison.Ordinal))
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<HubMetadata>()!.HubType))
            .ToList();
        Assert.That(hubs, Has.Count.GreaterThanOrEqualTo(3));

        foreach (var (path, _) in hubs)
        {
            Assert.ThrowsAsync<HttpRequestException>(() => app.ConnectHubAsync(path, cookies), $"{path}: no connection without two-factor");
        }

        await app.NewBrowser(cookies).TurnOnTwoFactorAsync();
        var calls = 0;
        foreach (var (path, hubType) in hubs)
        {
            foreach (var method in HubMethods(hubType))
            {
                await SetTwoFactorAsync(app, on: true);
                await using var connection = await app.ConnectHubAsync(path, cookies);
                await SetTwoFactorAsync(app, on: false);
                var error = Assert.ThrowsAsync<HubException>(() => connection.InvokeCoreAsync(method.Name, typeof(object), Arguments(method)), $"{hubType.Name}.{method.Name}");
                Assert.That(error!.Message, Does.Contain(StaffTwoFactor.Explanation), $"{hubType.Name}.{method.Name}");
                calls++;
            }
        }
        Assert.That(calls, Is.GreaterThan(20), "every method of every hub was called");
    }

    private static async Task SignInAdminWithoutTwoFactorAsync(TestApp app, CookieContainer cookies)
    {
        var token = app.Service<SetupToken>().Issue();
        var response = await app.NewBrowser(cookies).SubmitAsync($"/setup?token={token}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alex Admin",
            ["Input.Handle"] = "admin",
            ["Input.Email"] = "admin@example.org",
            ["Input.Password"] = Journeys.Password,
        });
        TestApp.AssertRedirect(response, StaffTwoFactor.SetUpPath);
    }

    private static Task SetTwoFactorAsync(TestApp app, bool on) =>
        app.ScalarAsync<long>("UPDATE Members SET TwoFactorEnabled = @On WHERE Handle = 'admin'; SELECT changes();", new { On = on });

    private static IEnumerable<MethodInfo> HubMethods(Type hubType) =>
        hubType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync) or nameof(Hub.Dispose)));

    /// <summary>Well-formed arguments of the right types, so the call reaches the hub's filters rather than failing to bind.</summary>
    private static object?[] Arguments(MethodInfo method) =>
        method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken))
            .Select(p => p.ParameterType == typeof(string) ? "x" : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
}
