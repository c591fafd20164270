using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Infrastructure.Retention;

namespace PatientLeaders.Community.Tests.Accounts;

public sealed class AccountSecurityTests
{
    [Test]
    public async Task ChangeEmail_NeedsPassword_TellsOldAddress_AndTakesEffectOnConfirmation()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");

        var wrong = await Forms.ParseAsync(await sam.SubmitAsync("/account/email", new Dictionary<string, string> { ["Input.NewEmail"] = "sam.new@example.org", ["Input.CurrentPassword"] = "not it at all" }));
        Assert.That(wrong.ErrorSummary(), Has.Some.Contains("password is not right"));
        Assert.That(wrong.QuerySelector("#Input_NewEmail")?.GetAttribute("value"), Is.EqualTo("sam.new@example.org"));

        TestApp.AssertRedirect(await sam.SubmitAsync("/account/email", new Dictionary<string, string> { ["Input.NewEmail"] = "sam.new@example.org", ["Input.CurrentPassword"] = Journeys.Password }), "/account/settings");
        Assert.That((await app.LastMailToAsync("sam@example.org")).Subject, Is.EqualTo("Your email address is being changed"));
        Assert.That(await app.ScalarAsync<string>("SELECT Email FROM Members WHERE Handle = 'sam'"), Is.EqualTo("sam@example.org"));

        var link = Journeys.LinkIn(await app.LastMailToAsync("sam.new@example.org"));
        TestApp.AssertRedirect(await app.NewBrowser().SubmitAsync(link, new Dictionary<string, string>()), "/account/login");
        TestApp.AssertRedirect(await sam.GetAsync("/account/settings"), "https://localhost/account/login");
        TestApp.AssertRedirect(await app.NewBrowser().SignInAsync("sam.new@example.org", Journeys.Password), "/");
        Assert.That((await Forms.ParseAsync(await app.NewBrowser().SignInAsync("sam@example.org", Journeys.Password))).ErrorSummary(), Is.Not.Empty);
    }

    [Test]
    public async Task OpenRegistration_WithATakenEmail_LooksTheSame_AndTellsTheOwner()
    {
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?> { ["Community:Registration"] = "Open" });
        await app.SetUpAdminAsync();
        var response = await app.NewBrowser().SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Someone", ["Input.Handle"] = "someone", ["Input.Email"] = "admin@example.org", ["Input.Password"] = "some fresh passphrase",
        });
        TestApp.AssertRedirect(response, "/account/check-email");
        Assert.That((await app.LastMailToAsync("admin@example.org")).Subject, Is.EqualTo("Someone tried to join with your email address"));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM Members"), Is.EqualTo(1));
    }

    [Test]
    public async Task AuthenticatorCode_WorksOnlyOnce()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var key = await app.Service<Microsoft.AspNetCore.Identity.UserManager<Web.Features.Accounts.Member>>()
            .GetAuthenticatorKeyAsync((await app.Service<Microsoft.AspNetCore.Identity.UserManager<Web.Features.Accounts.Member>>().FindByEmailAsync("admin@example.org"))!);
        // A code from the next time step: still accepted (drift allowance) and not the one used at setup.
        var code = Totp.Code(key!, DateTimeOffset.UtcNow.AddSeconds(30));

        var first = app.NewBrowser();
        TestApp.AssertRedirect(await first.SignInAsync("admin@example.org", Journeys.Password), "/account/login-two-factor");
        TestApp.AssertRedirect(await first.SubmitAsync("/account/login-two-factor", new Dictionary<string, string> { ["Input.Code"] = code }), "/");

        var replay = app.NewBrowser();
        TestApp.AssertRedirect(await replay.SignInAsync("admin@example.org", Journeys.Password), "/account/login-two-factor");
        var refused = await replay.SubmitAsync("/account/login-two-factor", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Forms.ParseAsync(refused)).ErrorSummary(), Has.Some.Contains("code is not right"));
    }

    [Test]
    public async Task Logs_NeverHoldPasswordsTokensOrHealthText()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        await sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.Consent"] = "true", ["Input.Conditions"] = "CanaryHealthText" });
        await app.NewBrowser().SignInAsync("sam@example.org", "CanaryWrongPassword");
        await app.NewBrowser().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "sam@example.org" });
        var resetToken = Uri.UnescapeDataString(Journeys.LinkIn(await app.LastMailToAsync("sam@example.org")).Split("code=")[1]);

        var logs = string.Join("\n", app.Logs.Lines);
        Assert.That(app.Logs.Lines, Is.Not.Empty);
        foreach (var secret in new[] { Journeys.Password, "CanaryWrongPassword", "CanaryHealthText", resetToken })
        {
            Assert.That(logs, Does.Not.Contain(secret));
        }
        Assert.That(logs, Does.Not.Contain("sam@example.org"), "members are logged by id, not email");
    }

    [Test]
    public async Task RetentionPurge_RemovesOldMailSessionsAndEvents_Only()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock);
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        await using (var connection = await app.Database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE MailOutbox SET SentAt = @Now", new { Now = clock.GetUtcNow() });
        }
        var mailBefore = await app.ScalarAsync<long>("SELECT COUNT(*) FROM MailOutbox");
        var purge = app.Service<RetentionPurge>();
        Assert.That((await purge.PurgeAsync(CancellationToken.None)).Mail, Is.Zero);

        clock.Advance(TimeSpan.FromDays(31));
        var result = await purge.PurgeAsync(CancellationToken.None);
        Assert.That(result.Mail, Is.EqualTo(mailBefore));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MailOutbox"), Is.Zero);
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM SecurityEvents"), Is.GreaterThan(0), "a year's events are kept");
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM Members"), Is.EqualTo(2));
    }
}
