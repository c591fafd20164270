using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>A member's saved language beats the switch's cookie, which beats the browser's Accept-Language, which beats en-GB.</summary>
public sealed class LanguageChoiceTests
{
    [Test]
    public async Task WithNothingChosen_TheBrowsersLanguage_OrElseBritishEnglish()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        Assert.That(await LangAsync(browser, "/account/login"), Is.EqualTo("en-GB"));
        Assert.That(await LangAsync(browser, "/account/login", "cy"), Is.EqualTo("cy-GB"));
        Assert.That(await LangAsync(browser, "/account/login", "es-MX,es;q=0.9"), Is.EqualTo("es-ES"));
        Assert.That(await LangAsync(browser, "/account/login", "fr-FR,de;q=0.8"), Is.EqualTo("en-GB"), "not one of ours");

        var welsh = await Forms.ParseAsync(await Send(browser, "/errors/404", "cy"));
        Assert.That(welsh.QuerySelector("a.skip-link")!.TextContent, Is.EqualTo("Neidio i'r prif gynnwys"));
        Assert.That(welsh.QuerySelector("h1")!.TextContent, Is.EqualTo("Heb ddod o hyd i'r dudalen"));
    }

    [Test]
    public async Task TheFooterSwitch_SetsACookie_ThatBeatsTheBrowser_AndComesBackToThePage()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        var response = await browser.ClickAsync("/help", "form.language-switch button[value=es-ES]");
        TestApp.AssertRedirect(response, "/help");
        Assert.That(await LangAsync(browser, "/help", "cy"), Is.EqualTo("es-ES"));

        var current = await Forms.ParseAsync(await Send(browser, "/help", null));
        Assert.That(current.QuerySelector("form.language-switch [aria-current=true]")!.TextContent, Is.EqualTo("Español"));
        Assert.That(current.QuerySelectorAll("form.language-switch button").Select(b => b.GetAttribute("lang")), Is.EqualTo(new[] { "en", "cy", "es" }));
    }

    [Test]
    public async Task AMembersSavedLanguage_BeatsTheCookie_OnAnyDevice()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var response = await admin.ClickAsync("/account/settings", "main form.language-switch button[value=cy-GB]");
        TestApp.AssertRedirect(response, "/account/settings");
        Assert.That(await LangAsync(admin, "/account/settings", "es"), Is.EqualTo("cy-GB"));

        // Another device: Spanish chosen with the switch before signing in, then the saved Welsh wins.
        var other = app.NewBrowser();
        await other.ClickAsync("/account/login", "form.language-switch button[value=es-ES]");
        Assert.That(await LangAsync(other, "/account/login"), Is.EqualTo("es-ES"));
        await other.SignInAsync("admin@example.org", Journeys.Password);
        Assert.That(await LangAsync(other, "/account/login-two-factor", "es"), Is.EqualTo("es-ES"), "not yet signed in fully");
    }

    [Test]
    public async Task AnUnknownLanguage_OrAForeignReturnAddress_IsRefusedPolitely()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        var page = await browser.GetPageAsync("/language");
        var refused = await Forms.ParseAsync(await browser.SubmitAsync(page, "/language", new Dictionary<string, string> { ["culture"] = "xx-YY" }, "main form.language-switch"));
        Assert.That(refused.ErrorSummary(), Has.Some.EqualTo("Choose a language"));
        var away = await browser.ClickAsync("/language?ReturnUrl=https://example.org/", "main form.language-switch button[value=cy-GB]");
        TestApp.AssertRedirect(away, "/");
        Assert.That(away.Headers.Location!.OriginalString, Does.Not.Contain("example.org"));
    }

    private static async Task<string?> LangAsync(HttpClient browser, string url, string? acceptLanguage = null)
    {
        var response = await Send(browser, url, acceptLanguage);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.NotFound), url);
        return (await Forms.ParseAsync(response)).DocumentElement.GetAttribute("lang");
    }

    private static Task<HttpResponseMessage> Send(HttpClient browser, string url, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return browser.SendAsync(request);
    }
}
