using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Accounts;

public sealed class SignInTests
{
    [Test]
    public async Task WrongPassword_ShowsErrorSummary_AndKeepsEmail()
    {
        await using var app = await TestApp.CreateAsync();
        await app.SetUpAdminAsync();
        var response = await app.NewBrowser().SignInAsync("admin@example.org", "not the password");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.Title, Does.StartWith("Error: "));
        Assert.That(page.ErrorSummary(), Has.One.Contains("email address or password is not right"));
        Assert.That(page.QuerySelector("#Input_Email")?.GetAttribute("value"), Is.EqualTo("admin@example.org"));
        Assert.That(page.QuerySelector("#Input_Password")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
        Assert.That(page.QuerySelector(".error-summary a")?.GetAttribute("href"), Is.EqualTo("#Input_Password"));
    }

    [Test]
    public async Task KnownAndUnknownEmails_GetTheSameAnswer()
    {
        await using var app = await TestApp.CreateAsync();
        await app.SetUpAdminAsync();
        var known = await Forms.ParseAsync(await app.NewBrowser().SignInAsync("admin@example.org", "wrong wrong wrong"));
        var unknown = await Forms.ParseAsync(await app.NewBrowser().SignInAsync("nobody@example.org", "wrong wrong wrong"));
        static string Main(AngleSharp.Html.Dom.IHtmlDocument page)
        {
            foreach (var token in page.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList())
            {
                token.Remove();
            }
            return page.QuerySelector("main")!.InnerHtml.Replace("nobody@example.org", "EMAIL").Replace("admin@example.org", "EMAIL");
        }
        Assert.That(Main(unknown), Is.EqualTo(Main(known)));
    }

    [Test]
    public async Task TenFailures_LockTheAccount_OtherAccountsUnaffected()
    {
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?> { ["RateLimits:SignInPerFiveMinutes"] = "100" });
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var attacker = app.NewBrowser();
        for (var i = 0; i < 9; i++)
        {
            await attacker.SignInAsync("sam@example.org", "guess number " + i);
        }
        var locked = await Forms.ParseAsync(await attacker.SignInAsync("sam@example.org", "guess number 10"));
        Assert.That(locked.ErrorSummary(), Has.Some.Contains("try again in 15 minutes"));
        var stillLocked = await Forms.ParseAsync(await app.NewBrowser().SignInAsync("sam@example.org", Journeys.Password));
        Assert.That(stillLocked.ErrorSummary(), Has.Some.Contains("too many attempts"));
        TestApp.AssertRedirect(await app.NewBrowser().SignInAsync("admin@example.org", Journeys.Password), "/account/login-two-factor");
    }

    [Test]
    public async Task ManyPostsFromOneAddress_Get429WithRetryAfter()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last = await browser.SignInAsync($"user{i}@example.org", "whatever password");
        }
        Assert.That((int)last!.StatusCode, Is.EqualTo(429));
        Assert.That(last.Headers.RetryAfter, Is.Not.Null);
        var page = await Forms.ParseAsync(last);
        Assert.That(page.Text("h1"), Is.EqualTo("Please wait a moment"));
    }

    [Test]
    public async Task SessionCookie_IsHostPrefixedSecureHttpOnlyLax_AndChangesAtSignIn()
    {
        await using var app = await TestApp.CreateAsync();
        await app.SetUpAdminAsync();
        var response = await app.NewBrowser().SignInAsync("admin@example.org", Journeys.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-plc-2fa=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("secure").IgnoreCase.And.Contain("httponly").IgnoreCase.And.Contain("path=/"));
        TestApp.AssertRedirect(response, "/account/login-two-factor");
    }

    [Test]
    public async Task SignedOutCookie_ReplayedLater_IsRejected()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var member = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var settings = await member.GetAsync("/account/settings");
        Assert.That(settings.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var sessionCookie = settings.RequestMessage!.Headers.GetValues("Cookie").Single();

        await member.SubmitAsync("/account/logout", new Dictionary<string, string>());

        var replay = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/settings");
        request.Headers.Add("Cookie", sessionCookie);
        var response = await replay.SendAsync(request);
        TestApp.AssertRedirect(response, "https://localhost/account/login");
    }
}
