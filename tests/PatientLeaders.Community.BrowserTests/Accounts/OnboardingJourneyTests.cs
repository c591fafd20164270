using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Accounts;

/// <summary>
/// First-admin setup → invite → accept in one step and be welcomed → sign out and in again → edit profile → download data →
/// sign out, in real Chromium against the real site, with axe and CSP checks on every page visited.
/// </summary>
[NonParallelizable]
public sealed class OnboardingJourneyTests
{
    private const string Password = "a long and calm passphrase";

    [Test]
    public async Task FirstAdminToSignedOutMember_WithTheMouse()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var site = await LiveSite.StartAsync();
        var (admin, adminCsp) = await NewPageAsync(browser);

        await admin.GotoAsync(await site.SetupLinkAsync());
        await admin.AssertAccessibleAsync("setup");
        await admin.GetByLabel("Your name").FillAsync("Alex Admin");
        await admin.GetByLabel("Handle").FillAsync("alex");
        await admin.GetByLabel("Email address").FillAsync("alex@example.org");
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create administrator account" }).ClickAsync();

        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-factor sign-in");
        await admin.AssertAccessibleAsync("two-factor setup");
        var key = (await admin.Locator("#authenticator-key").TextContentAsync())!;
        await admin.GetByLabel("Enter the 6-digit code your app shows").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".secret-list code")).ToHaveCountAsync(10);
        await admin.AssertAccessibleAsync("recovery codes");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await admin.AssertAccessibleAsync("admin");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".error-summary")).ToBeFocusedAsync();
        await admin.AssertAccessibleAsync("admin with error summary");
        await admin.GetByLabel("Their email address").FillAsync("sam@example.org");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice[role=status]")).ToContainTextAsync("Invitation sent to sam@example.org");

        var (member, memberCsp) = await NewPageAsync(browser);
        await member.GotoAsync(await site.WaitForLinkAsync("sam@example.org", "invited"));
        await member.AssertAccessibleAsync("register");
        await Assertions.Expect(member.GetByLabel("Email address")).ToHaveValueAsync("sam@example.org");
        await member.GetByLabel("Your name").FillAsync("Sam Jones");
        await member.GetByLabel("Handle").FillAsync("sam");
        await member.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await member.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        // One step: the invitation proved the address, so Sam is signed in and welcomed.
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Sam Jones");
        await member.AssertAccessibleAsync("welcome");
        await member.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await member.GotoAsync(site.BaseUrl + "/account/login");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await member.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(member.Locator(".error-summary")).ToBeFocusedAsync();
        await member.AssertAccessibleAsync("sign-in errors");
        await member.AssertReflowsAt320Async();
        await member.GetByLabel("Email address").FillAsync("sam@example.org");
        await member.GetByLabel("Password").FillAsync(Password);
        await member.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(member.GetByText("Welcome back, Sam Jones.")).ToBeVisibleAsync();
        await member.AssertAccessibleAsync("home, signed in");

        await member.GetByRole(AriaRole.Link, new() { Name = "Edit your profile" }).ClickAsync();
        await member.AssertAccessibleAsync("edit profile");
        await member.GetByLabel("About you (optional)").FillAsync("I help *stroke* services listen.");
        await member.GetByLabel("Region (optional)").FillAsync("Wales");
        await member.GetByLabel("I give my consent").CheckAsync();
        await member.GetByLabel("Conditions you live with (optional)").FillAsync("Stroke survivor");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(member.Locator(".notice[role=status]")).ToContainTextAsync("Your profile has been saved");
        await Assertions.Expect(member.Locator(".user-content em")).ToHaveTextAsync("stroke");
        await member.AssertAccessibleAsync("own profile");

        await member.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await member.AssertAccessibleAsync("settings");
        await member.GetByLabel("Email me at once when someone mentions me or replies to me").UncheckAsync();
        await member.GetByRole(AriaRole.Group, new() { Name = "Digest of threads and categories you follow" }).GetByLabel("Once a week, on Monday").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Save email settings" }).ClickAsync();
        await Assertions.Expect(member.Locator(".notice[role=status]")).ToContainTextAsync("Your email settings have been saved");
        await Assertions.Expect(member.GetByLabel("Once a week, on Monday")).ToBeCheckedAsync();
        await Assertions.Expect(member.GetByLabel("Email me at once when someone mentions me or replies to me")).Not.ToBeCheckedAsync();
        await member.AssertAccessibleAsync("settings, saved");
        var download = await member.RunAndWaitForDownloadAsync(() => member.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.That(exported, Does.Contain("Stroke survivor").And.Contain("sam@example.org"));

        await member.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(member.Locator(".notice[role=status]")).ToContainTextAsync("You have signed out");
        await member.AssertAccessibleAsync("signed out");

        Assert.That(adminCsp.Concat(memberCsp), Is.Empty, "CSP violations");
    }

    [Test]
    public async Task SignInAndProfileEdit_ByKeyboardAlone()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var site = await LiveSite.StartAsync();
        var (page, csp) = await NewPageAsync(browser);
        await page.GotoAsync(await site.SetupLinkAsync());

        // Skip link first, then the form, typed and submitted with keys only.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.AssertFocusVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.TabToAsync("#Input_DisplayName");
        await page.Keyboard.TypeAsync("Kay Keys");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("kay");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("kay@example.org");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-factor sign-in");

        var key = (await page.Locator("#authenticator-key").TextContentAsync())!;
        await page.TabToAsync("#Input_Code");
        await page.AssertFocusVisibleAsync();
        await page.Keyboard.TypeAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".secret-list code")).ToHaveCountAsync(10);

        await page.GotoAsync(site.BaseUrl + "/account/profile");
        await page.TabToAsync("#Input_Region");
        await page.Keyboard.TypeAsync("Cymru");
        await page.TabToAsync("button[type=submit]:text('Save profile')");
        await page.AssertFocusVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("Your profile has been saved");
        await Assertions.Expect(page.GetByText("Cymru")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync("profile after keyboard edit");
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    private static async Task<(IPage Page, List<string> Csp)> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        return (page, page.WatchCspViolations());
    }

    [Test]
    public async Task InviteToSignOut_ByKeyboardAlone()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var site = await LiveSite.StartAsync();
        var (admin, adminCsp) = await NewPageAsync(browser);
        await admin.GotoAsync(await site.SetupLinkAsync());
        await admin.TabToAsync("#Input_DisplayName");
        await admin.Keyboard.TypeAsync("Kit Keys");
        await admin.Keyboard.PressAsync("Tab");
        await admin.Keyboard.TypeAsync("kit");
        await admin.Keyboard.PressAsync("Tab");
        await admin.Keyboard.TypeAsync("kit@example.org");
        await admin.Keyboard.PressAsync("Tab");
        await admin.Keyboard.TypeAsync(Password);
        await admin.Keyboard.PressAsync("Enter");
        var key = (await admin.Locator("#authenticator-key").TextContentAsync())!;
        await admin.TabToAsync("#Input_Code");
        await admin.Keyboard.TypeAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator(".secret-list code")).ToHaveCountAsync(10);

        await admin.TabToAsync("nav a:text('Admin')");
        await admin.Keyboard.PressAsync("Enter");
        await admin.TabToAsync("#Input_Email");
        await admin.Keyboard.TypeAsync("pat@example.org");
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator(".notice[role=status]")).ToContainTextAsync("Invitation sent to pat@example.org");

        var (member, memberCsp) = await NewPageAsync(browser);
        await member.GotoAsync(await site.WaitForLinkAsync("pat@example.org", "invited"));
        await member.TabToAsync("#Input_DisplayName");
        await member.Keyboard.TypeAsync("Pat Keys");
        await member.Keyboard.PressAsync("Tab");
        await member.Keyboard.TypeAsync("pat");
        await member.TabToAsync("#Input_Password");
        await member.Keyboard.TypeAsync(Password);
        await member.Keyboard.PressAsync("Enter");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Pat Keys");
        await member.TabToAsync("main a:text('Continue')");
        await member.AssertFocusVisibleAsync();
        await member.Keyboard.PressAsync("Enter");
        await Assertions.Expect(member.GetByText("Welcome back, Pat Keys.")).ToBeVisibleAsync();

        await member.TabToAsync("nav a:text('Settings')");
        await member.Keyboard.PressAsync("Enter");
        await member.TabToAsync("a:text('Download my data')");
        await member.AssertFocusVisibleAsync();
        var download = await member.RunAndWaitForDownloadAsync(() => member.Keyboard.PressAsync("Enter"));
        Assert.That(await File.ReadAllTextAsync((await download.PathAsync())!), Does.Contain("pat@example.org"));

        await member.TabToAsync("nav button:text('Sign out')");
        await member.AssertFocusVisibleAsync();
        await member.Keyboard.PressAsync("Enter");
        await Assertions.Expect(member.Locator(".notice[role=status]")).ToContainTextAsync("You have signed out");
        Assert.That(adminCsp.Concat(memberCsp), Is.Empty, "CSP violations");
    }
}
