using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Accounts;

/// <summary>
/// First-admin setup → invite → accept → confirm email from the mail → sign in → edit profile → download data →
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
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation sent to sam@example.org");

        var (member, memberCsp) = await NewPageAsync(browser);
        await member.GotoAsync(await site.WaitForLinkAsync("sam@example.org", "invited"));
        await member.AssertAccessibleAsync("register");
        await Assertions.Expect(member.GetByLabel("Email address")).ToHaveValueAsync("sam@example.org");
        await member.GetByLabel("Your name").FillAsync("Sam Jones");
        await member.GetByLabel("Handle").FillAsync("sam");
        await member.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await member.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await member.AssertAccessibleAsync("check email");

        await member.GotoAsync(await site.WaitForLinkAsync("sam@example.org", "Confirm"));
        await member.AssertAccessibleAsync("confirm email");
        await member.GetByRole(AriaRole.Button, new() { Name = "Confirm my email address" }).ClickAsync();

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
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile has been saved");
        await Assertions.Expect(member.Locator(".user-content em")).ToHaveTextAsync("stroke");
        await member.AssertAccessibleAsync("own profile");

        await member.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await member.AssertAccessibleAsync("settings");
        var download = await member.RunAndWaitForDownloadAsync(() => member.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.That(exported, Does.Contain("Stroke survivor").And.Contain("sam@example.org"));

        await member.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed out");
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
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "#Input_DisplayName");
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
        await TabToAsync(page, "#Input_Code");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".secret-list code")).ToHaveCountAsync(10);

        await page.GotoAsync(site.BaseUrl + "/account/profile");
        await TabToAsync(page, "#Input_Region");
        await page.Keyboard.TypeAsync("Cymru");
        await TabToAsync(page, "button[type=submit]:text('Save profile')");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile has been saved");
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

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus; fails if it never does.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var presses = 0; presses < 60; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Could not reach {selector} with the Tab key");
    }

    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var visible = await page.EvaluateAsync<bool>("""
            () => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                const shadowed = style.boxShadow && style.boxShadow !== 'none';
                const rect = el.getBoundingClientRect();
                const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
                return (outlined || shadowed) && (hit === el || el.contains(hit));
            }
            """);
        Assert.That(visible, Is.True, "the focused element shows a visible focus indicator and is not obscured");
    }
}
