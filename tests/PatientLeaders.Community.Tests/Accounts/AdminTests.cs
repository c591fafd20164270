using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Tests.Accounts;

public sealed class AdminTests
{
    [Test]
    public async Task Suspension_EndsSessionsAndSignIn_UntilRestored()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var samId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'sam'");

        var suspended = await admin.SubmitAsync($"/admin/members/{samId}", new Dictionary<string, string> { ["Input.SuspendDays"] = "3", ["Input.Reason"] = "Please take a short break." }, "form[action*=Suspend]");
        TestApp.AssertRedirect(suspended, $"/admin/members/{samId}");
        TestApp.AssertRedirect(await sam.GetAsync("/account/settings"), "https://localhost/account/login");
        Assert.That((await app.LastMailToAsync("sam@example.org")).TextBody, Does.Contain("Please take a short break."));
        var refused = await Forms.ParseAsync(await app.NewBrowser().SignInAsync("sam@example.org", Journeys.Password));
        Assert.That(refused.ErrorSummary(), Has.Some.Contains("suspended"));

        TestApp.AssertRedirect(await admin.SubmitAsync($"/admin/members/{samId}", new Dictionary<string, string>(), "form[action*=Restore]"), $"/admin/members/{samId}");
        TestApp.AssertRedirect(await app.NewBrowser().SignInAsync("sam@example.org", Journeys.Password), "/");
    }

    [Test]
    public async Task Suspend_FormFieldNamedId_CannotRetargetAnotherMember()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        await app.InviteMemberAsync(admin, "kim@example.org", "kim");
        var samId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'sam'");
        var kimId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'kim'");

        var suspended = await admin.SubmitAsync(
            $"/admin/members/{samId}",
            new Dictionary<string, string> { ["Input.SuspendDays"] = "3", ["Input.Reason"] = "A short break.", ["id"] = kimId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "form[action*=Suspend]");

        TestApp.AssertRedirect(suspended, $"/admin/members/{samId}");
        TestApp.AssertRedirect(await app.NewBrowser().SignInAsync("kim@example.org", Journeys.Password), "/");
        var refused = await Forms.ParseAsync(await app.NewBrowser().SignInAsync("sam@example.org", Journeys.Password));
        Assert.That(refused.ErrorSummary(), Has.Some.Contains("suspended"));
    }

    [Test]
    public async Task RoleChange_TakesEffectAtOnce_AndAdminPagesAreAdminOnly()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        Assert.That((await sam.GetAsync("/admin")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect).Or.EqualTo(HttpStatusCode.Forbidden));
        var samId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'sam'");

        var saved = await admin.SubmitAsync($"/admin/members/{samId}", new Dictionary<string, string> { ["Input.Roles"] = "Mentor" }, "form[action*=Roles]");
        TestApp.AssertRedirect(saved, $"/admin/members/{samId}");
        Assert.That(await app.ScalarAsync<string>("SELECT Role FROM MemberRoles WHERE MemberId = @Id AND Role <> 'Member'", new { Id = samId }), Is.EqualTo("Mentor"));
        TestApp.AssertRedirect(await sam.GetAsync("/account/settings"), "https://localhost/account/login");
    }

    [Test]
    public async Task Login_IgnoresAnOffSiteReturnUrl()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = app.NewBrowser();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var response = await sam.SubmitAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string> { ["Input.Email"] = "sam@example.org", ["Input.Password"] = Journeys.Password });
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
        var local = await app.NewBrowser().SubmitAsync("/account/login?ReturnUrl=%2Faccount%2Fsettings", new Dictionary<string, string> { ["Input.Email"] = "sam@example.org", ["Input.Password"] = Journeys.Password });
        Assert.That(local.Headers.Location?.OriginalString, Is.EqualTo("/account/settings"));
    }

    [Test]
    public async Task EmailSettings_TwoSeparateChoices_RoundTrip_AndBadInputIsExplainedWithTheChoicesKept()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var page = await admin.GetPageAsync("/account/settings");
        Assert.That(page.QuerySelectorAll("main form fieldset legend").Select(l => l.TextContent.Trim()),
            Is.EqualTo(new[] { "Mentions and replies", "Digest of threads and categories you follow" }));
        Assert.That(page.QuerySelector("#Input_EmailImmediately")?.HasAttribute("checked"), Is.True, "new members get mentions at once");
        Assert.That(page.QuerySelector("label[for=Input_EmailImmediately]")?.TextContent, Is.EqualTo("Email me at once when someone mentions me or replies to me"));
        Assert.That(page.QuerySelector("#Input_DigestFrequency")?.HasAttribute("checked"), Is.True, "and no digest");

        TestApp.AssertRedirect(await admin.SubmitAsync("/account/settings",
            new Dictionary<string, string> { ["Input.EmailImmediately"] = "false", ["Input.DigestFrequency"] = "Weekly" }), "/account/settings");
        Assert.That(await Forum.UnsubscribeTests.SettingsAsync(app, "admin"), Is.EqualTo("0:Weekly"));
        page = await admin.GetPageAsync("/account/settings");
        Assert.That(page.Text(".notice[role=status]"), Does.Contain("Your email settings have been saved"));
        Assert.That(page.QuerySelector("#digest-weekly")?.HasAttribute("checked"), Is.True);
        Assert.That(page.QuerySelector("#Input_EmailImmediately")?.HasAttribute("checked"), Is.False);

        TestApp.AssertRedirect(await admin.SubmitAsync("/account/settings",
            new Dictionary<string, string> { ["Input.EmailImmediately"] = "true", ["Input.DigestFrequency"] = "Daily" }), "/account/settings");
        Assert.That(await Forum.UnsubscribeTests.SettingsAsync(app, "admin"), Is.EqualTo("1:Daily"), "both at once");

        var bad = await Forms.ParseAsync(await admin.SubmitAsync("/account/settings",
            new Dictionary<string, string> { ["Input.EmailImmediately"] = "false", ["Input.DigestFrequency"] = "Hourly" }));
        Assert.That(bad.ErrorSummary(), Is.EqualTo(new[] { "Choose how often to send your digest, or no digest" }));
        Assert.That(bad.QuerySelector(".error-summary a")?.GetAttribute("href"), Is.EqualTo("#Input_DigestFrequency"));
        Assert.That(bad.QuerySelector("#Input_DigestFrequency"), Is.Not.Null, "the summary's link lands on the first choice");
        Assert.That(bad.QuerySelector("#Input_EmailImmediately")?.HasAttribute("checked"), Is.False, "the untouched choice is kept as sent");
        var badSwitch = await Forms.ParseAsync(await admin.SubmitAsync("/account/settings",
            new Dictionary<string, string> { ["Input.EmailImmediately"] = "maybe", ["Input.DigestFrequency"] = "Weekly" }));
        Assert.That(badSwitch.ErrorSummary(), Is.EqualTo(new[] { "Choose whether to email you at once about mentions and replies" }));
        Assert.That(badSwitch.QuerySelector("#digest-weekly")?.HasAttribute("checked"), Is.True, "the other choice is kept");
        Assert.That(await Forum.UnsubscribeTests.SettingsAsync(app, "admin"), Is.EqualTo("1:Daily"), "nothing saved from a bad form");
    }
}
