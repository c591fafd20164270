using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;

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
    public async Task NotificationPreference_IsSaved()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        TestApp.AssertRedirect(await admin.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.EmailFrequency"] = "WeeklyDigest" }), "/account/settings");
        Assert.That(await app.ScalarAsync<string>("SELECT EmailFrequency FROM Members WHERE Handle = 'admin'"), Is.EqualTo("WeeklyDigest"));
        var page = await admin.GetPageAsync("/account/settings");
        Assert.That(page.QuerySelector("#frequency-WeeklyDigest")?.HasAttribute("checked"), Is.True);
        var bad = await Forms.ParseAsync(await admin.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.EmailFrequency"] = "Hourly" }));
        Assert.That(bad.ErrorSummary(), Has.Some.Contains("how often"));
    }
}
