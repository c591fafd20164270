using System.Net;
using System.Text.Json;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Accounts;

public sealed class OnboardingTests
{
    [Test]
    public async Task FreshDatabase_HasNoMembers_AndSetupNeedsTheToken()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        Assert.That((await browser.GetAsync("/setup")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await browser.GetAsync("/setup?token=guess")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM Members"), Is.Zero);
        var adminAdmin = await browser.SignInAsync("admin@example.org", "admin");
        Assert.That((await Forms.ParseAsync(adminAdmin)).ErrorSummary(), Is.Not.Empty);
    }

    [Test]
    public async Task Setup_CreatesAdminOnce_ThenTheLinkIsDead()
    {
        await using var app = await TestApp.CreateAsync();
        var token = app.Service<SetupToken>().Issue();
        await app.SetUpAdminAsync();
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MemberRoles WHERE Role = 'Admin'"), Is.EqualTo(1));
        Assert.That((await app.NewBrowser().GetAsync($"/setup?token={token}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Admin_WithoutTwoFactor_IsSentToSetItUp()
    {
        await using var app = await TestApp.CreateAsync();
        var token = app.Service<SetupToken>().Issue();
        var browser = app.NewBrowser();
        await browser.SubmitAsync($"/setup?token={token}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alex", ["Input.Handle"] = "alex", ["Input.Email"] = "alex@example.org", ["Input.Password"] = Journeys.Password,
        });
        TestApp.AssertRedirect(await browser.GetAsync("/admin"), "/account/two-factor");
        var setup = await browser.GetPageAsync("/account/two-factor");
        Assert.That(setup.QuerySelector("svg.qr-code[aria-hidden=true] path"), Is.Not.Null, "a QR code drawn on the server beside the key");
        Assert.That(setup.QuerySelector("#authenticator-key")!.TextContent, Is.Not.Empty, "the text key stays for screen-reader users");
        await browser.TurnOnTwoFactorAsync();
        Assert.That((await browser.GetAsync("/admin")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task InvitedMember_Registers_Confirms_SignsIn_EditsProfile_ExportsData_SignsOut()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var member = await app.InviteMemberAsync(admin, "sam@example.org", "sam");

        var saved = await member.SubmitAsync("/account/profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sam Jones",
            ["Input.Bio"] = "I work on **stroke** services.",
            ["Input.Region"] = "Wales",
            ["Input.Consent"] = "true",
            ["Input.Conditions"] = "Multiple sclerosis",
            ["Input.ConditionsVisibility"] = "Members",
        });
        TestApp.AssertRedirect(saved, "/members/sam");
        var profile = await member.GetPageAsync("/members/sam");
        Assert.That(profile.Text("h1"), Does.Contain("Sam Jones"));
        Assert.That(profile.QuerySelector(".user-content strong")?.TextContent, Is.EqualTo("stroke"));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM HealthDataConsents WHERE Action = 'Given'"), Is.EqualTo(1));

        var export = await member.GetAsync("/account/export");
        Assert.That(export.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.GetProperty("profile").GetProperty("region").GetString(), Is.EqualTo("Wales"));
        Assert.That(json.RootElement.GetProperty("livedExperience").GetProperty("conditions").GetString(), Is.EqualTo("Multiple sclerosis"));
        Assert.That(json.RootElement.GetRawText(), Does.Not.Contain("PasswordHash").And.Not.Contain("AuthenticatorKey"));

        var logout = await member.SubmitAsync("/account/settings", new Dictionary<string, string>(), "header form");
        TestApp.AssertRedirect(logout, "/");
        TestApp.AssertRedirect(await member.GetAsync("/account/settings"), "https://localhost/account/login");
    }

    [Test]
    public async Task InvitationLink_WorksOnce()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "kim@example.org", "kim");
        var link = Journeys.LinkIn((await app.MailAsync()).First(m => m.Subject.Contains("invited")));
        var again = await app.NewBrowser().GetPageAsync(link);
        Assert.That(again.QuerySelector("main form"), Is.Null);
        Assert.That(again.Text("main"), Does.Contain("expired, has already been used"));
    }
}
