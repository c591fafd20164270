using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Infrastructure.Forms;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>
/// A reader's form token is made once for their antiforgery cookie and given again on their next pages
/// (<see cref="KeptTokenAntiforgery"/>): it still works, the pages still say "never cache me", and it is never given to
/// someone else who signs in with the same cookie.
/// </summary>
public sealed class KeptFormTokenTests
{
    [Test]
    public async Task AKeptToken_WorksForItsMember_AndNeverForTheNextMemberInTheSameBrowser()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        await app.InviteMemberAsync(admin, "priya@example.org", "priya");
        await admin.CreateCategoryAsync("Introductions");
        var thread = await admin.StartThreadAsync("introductions", "Hello there", "First post");
        var url = $"/forum/t/{thread}/hello-there";
        var cookies = new CookieContainer();
        var browser = app.NewBrowser(cookies);

        TestApp.AssertRedirect(await browser.SignInAsync("sam@example.org", Journeys.Password), "/");
        var cookie = AntiforgeryCookie(cookies);
        var first = await browser.GetAsync(url);
        var samToken = Token(await Forms.ParseAsync(first));
        var again = await browser.GetAsync(url);
        Assert.That(Token(await Forms.ParseAsync(again)), Is.EqualTo(samToken), "Sam's second page gives the kept token");
        // The page with the kept token says what the page with the made one says: never store me; no new cookie.
        Assert.That(first.Headers.CacheControl?.NoStore, Is.True, "a page with a token is never stored");
        Assert.That(again.Headers.CacheControl?.ToString(), Is.EqualTo(first.Headers.CacheControl?.ToString()), "Cache-Control");
        Assert.That(again.Headers.Pragma.ToString(), Is.EqualTo(first.Headers.Pragma.ToString()), "Pragma");
        foreach (var (view, response) in new[] { ("made", first), ("kept", again) })
        {
            Assert.That(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], Has.None.Contains("plc-af"), $"{view}: the cookie stays");
        }
        var following = await app.ScalarAsync<long>("SELECT COUNT(*) FROM ThreadSubscriptions WHERE Level = 'Following'");
        var follow = await browser.ClickAsync(url, "form[action*='handler=Subscribe'] button");
        Assert.That((int)follow.StatusCode, Is.LessThan(400), "Sam follows with the kept token");
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM ThreadSubscriptions WHERE Level = 'Following'"), Is.EqualTo(following + 1));

        // Priya signs in on the same browser: same cookie, her own token; Sam's is refused for her.
        TestApp.AssertRedirect(await browser.ClickAsync(url, "form[action='/account/logout'] button"), "/");
        TestApp.AssertRedirect(await browser.SignInAsync("priya@example.org", Journeys.Password), "/");
        Assert.That(AntiforgeryCookie(cookies), Is.EqualTo(cookie), "the antiforgery cookie outlives the members");
        var page = await browser.GetPageAsync(url);
        Assert.That(Token(page), Is.Not.EqualTo(samToken), "Priya is not given Sam's token");
        var refused = await browser.SubmitAsync(page, url, new Dictionary<string, string> { ["__RequestVerificationToken"] = samToken },
            "form[action*='handler=Subscribe']");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "Sam's token, posted by Priya");
        Assert.That((int)(await browser.SubmitAsync(page, url, new Dictionary<string, string>(), "form[action*='handler=Subscribe']")).StatusCode,
            Is.LessThan(400), "Priya's own token");
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM ThreadSubscriptions WHERE Level = 'Following'"), Is.EqualTo(following + 2));
    }

    private static string Token(IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
        ?? throw new AssertionException("the page carries a form token");

    private static string AntiforgeryCookie(CookieContainer cookies) =>
        cookies.GetAllCookies().FirstOrDefault(c => c.Name.EndsWith("plc-af", StringComparison.Ordinal))?.Value
        ?? throw new AssertionException("the browser holds an antiforgery cookie");
}
