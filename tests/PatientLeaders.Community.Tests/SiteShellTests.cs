using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests;

public sealed class SiteShellTests
{
    private static readonly string[] PublicPages = ["/", "/Index", "/account/login", "/account/register", "/account/forgot-password", "/account/reset-password", "/account/confirm-email", "/account/check-email", "/account/login-two-factor", "/account/logout", "/help", "/help/accessibility", "/help/privacy", "/setup", "/errors/{code:int}", "/forum", "/forum/latest", "/forum/{slug}", "/forum/t/{id:long}/{slug?}", "/forum/p/{id:long}", "/unsubscribe/{token}", "/language", "/programmes", "/programmes/{slug}", "/programmes/cohorts/{id:long}", "/certificates/{code}", "/impact/goals", "/impact", "/stories", "/stories/{id:long}", "/organisations/{slug}"];

    [Test]
    public async Task EveryPageNotOnThePublicList_SendsGuestsToSignIn()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().ToList();
        Assert.That(routes, Has.Count.GreaterThan(15));
        foreach (var route in routes.Where(r => !PublicPages.Contains(r)))
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", p => p.Value.StartsWith("{handle", StringComparison.Ordinal) ? "someone" : "1");
            var response = await browser.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), url);
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/account/login?ReturnUrl="), url);
        }
    }

    [Test]
    public async Task Pages_CarryStrictSecurityHeaders_WithAFreshNonce()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        var first = await browser.GetAsync("/account/login");
        var second = await browser.GetAsync("/account/login");
        var csp = first.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.Contain("'strict-dynamic'").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'").And.Not.Contain("unsafe-inline"));
        Assert.That(csp, Is.Not.EqualTo(second.Headers.GetValues("Content-Security-Policy").Single()));
        Assert.That(first.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(first.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        Assert.That(first.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(first.Headers.Contains("Strict-Transport-Security"), Is.True);
        var page = await Forms.ParseAsync(first);
        var nonce = csp.Split("'nonce-")[1].Split('\'')[0];
        Assert.That(page.Scripts.Select(s => s.GetAttribute("nonce")), Is.All.EqualTo(nonce));
        Assert.That(page.Scripts.Where(s => s.Source is null or ""), Is.Empty, "no inline script");
        Assert.That(page.QuerySelectorAll("[style]"), Is.Empty, "no inline style");
    }

    [Test]
    public async Task UnknownPage_IsAFriendly404_ForMembers_AndASignInForGuests()
    {
        await using var app = await TestApp.CreateAsync();
        TestApp.AssertRedirect(await app.NewBrowser().GetAsync("/no/such/page"), "https://localhost/account/login");
        var admin = await app.SetUpAdminAsync();
        var response = await admin.GetAsync("/no/such/page");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.Text("h1"), Is.EqualTo("Page not found"));
        Assert.That(page.QuerySelectorAll("h1"), Has.Length.EqualTo(1));
        Assert.That(page.QuerySelector("a.skip-link")?.GetAttribute("href"), Is.EqualTo("#main-content"));
    }

    [Test]
    public async Task UnknownMember_Is404_ForASignedInMember()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        Assert.That((await admin.GetAsync("/members/nobody-here")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await admin.GetAsync("/admin/members/987654")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task HealthEndpoint_ReportsTheDatabase()
    {
        await using var app = await TestApp.CreateAsync();
        var response = await app.NewBrowser().GetAsync("/healthz");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task PostWithoutAntiforgeryToken_IsRefused()
    {
        await using var app = await TestApp.CreateAsync();
        var response = await app.NewBrowser().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.c", ["Input.Password"] = "x" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task AStatusMessage_IsShownOnceAfterItsRedirect_AndNoOtherPageTouchesItsCookie()
    {
        const string cookieName = ".AspNetCore.Mvc.CookieTempDataProvider";
        static string[] StatusCookies(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => c.StartsWith(cookieName, StringComparison.Ordinal)).ToArray() : [];

        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await admin.CreateCategoryAsync("Introductions");
        var thread = await admin.StartThreadAsync("introductions", "Hello there", "First post");
        var url = $"/forum/t/{thread}/hello-there?page=1";
        await admin.GetAsync("/forum/introductions"); // shows whatever message the set-up left, so none is left
        foreach (var (who, client, page) in new[] { ("guest", app.NewBrowser(), "/"), ("guest", app.NewBrowser(), "/account/login"), ("admin", admin, "/"), ("admin", admin, "/forum"), ("admin", admin, url) })
        {
            var response = await client.GetAsync(page);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{who} {page}");
            Assert.That(StatusCookies(response), Is.Empty, $"{who} {page}: no message, so no cookie set or deleted");
        }

        var follow = await admin.SubmitAsync(url, new Dictionary<string, string> { ["level"] = "Following" }, "form[action*=Subscribe]");
        TestApp.AssertRedirect(follow, $"/forum/t/{thread}");
        Assert.That(StatusCookies(follow), Has.Length.EqualTo(1).And.All.Not.StartWith(cookieName + "=;"), "the message is kept for the next page");

        var shown = await admin.GetAsync(url);
        var notice = (await Forms.ParseAsync(shown)).QuerySelector("main > .notice[role=status]");
        Assert.That(notice?.TextContent, Does.Contain("You are following this thread."), "shown after the redirect");
        Assert.That(StatusCookies(shown), Has.Length.EqualTo(1).And.All.StartWith(cookieName + "=;"), "and its cookie deleted once shown");

        var again = await admin.GetAsync(url);
        Assert.That((await Forms.ParseAsync(again)).QuerySelector("main > .notice[role=status]"), Is.Null, "shown once only");
        Assert.That(StatusCookies(again), Is.Empty);
    }
}
