using System.Text.RegularExpressions;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Infrastructure;

/// <summary>Test data made the way people make it: through the site's own pages.</summary>
public static partial class Journeys
{
    public const string Password = "correct horse battery staple";

    /// <summary>Creates the first admin through /setup and turns on two-factor sign-in; returns their browser.</summary>
    public static async Task<HttpClient> SetUpAdminAsync(this TestApp app, string email = "admin@example.org", string handle = "admin")
    {
        var token = app.Service<SetupToken>().Issue();
        var browser = app.NewBrowser();
        var response = await browser.SubmitAsync($"/setup?token={token}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alex Admin",
            ["Input.Handle"] = handle,
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        TestApp.AssertRedirect(response, "/account/two-factor");
        await browser.TurnOnTwoFactorAsync();
        return browser;
    }

    public static async Task<string> TurnOnTwoFactorAsync(this HttpClient browser)
    {
        var page = await browser.GetPageAsync("/account/two-factor");
        var key = page.Text("#authenticator-key");
        var response = await browser.SubmitAsync(page, "/account/two-factor",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "form[action*=TurnOn]");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var after = await Forms.ParseAsync(response);
        Assert.That(after.QuerySelectorAll(".secret-list code"), Has.Length.EqualTo(10), "recovery codes shown once");
        return key;
    }

    /// <summary>Admin invites; the invitee registers from the mailed link and is signed in at once (the link proves the address).</summary>
    public static async Task<HttpClient> InviteMemberAsync(this TestApp app, HttpClient admin, string email, string handle, string role = Roles.Member)
    {
        var invite = await admin.SubmitAsync("/admin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = role }, "form[action*=Invite]");
        TestApp.AssertRedirect(invite, "/admin");

        var browser = app.NewBrowser();
        var registerLink = LinkIn(await app.LastMailToAsync(email));
        var registered = await browser.SubmitAsync(registerLink, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Member " + handle,
            ["Input.Handle"] = handle,
            ["Input.Password"] = Password,
        });
        // The invitation proves the address: the new member is signed in at once and welcomed.
        TestApp.AssertRedirect(registered, "/welcome");
        return browser;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password) =>
        browser.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The first link in a mail, as a path on the test server.</summary>
    public static string LinkIn(SentMail mail)
    {
        var match = LinkPattern().Match(mail.TextBody);
        Assert.That(match.Success, Is.True, $"No link in mail '{mail.Subject}'");
        var uri = new Uri(match.Value);
        return uri.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
