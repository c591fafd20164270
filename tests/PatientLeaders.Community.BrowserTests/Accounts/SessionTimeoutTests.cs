using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Accounts;

/// <summary>WCAG 2.2.1: before an idle session ends, the member is warned and can extend it from the keyboard.</summary>
[NonParallelizable]
public sealed class SessionTimeoutTests
{
    [Test]
    public async Task IdleWarning_Appears_IsAccessible_AndStaySignedInExtends()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var site = await LiveSite.StartAsync();
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var csp = page.WatchCspViolations();
        await page.Clock.InstallAsync();

        await page.GotoAsync(await site.SetupLinkAsync());
        await page.GetByLabel("Your name").FillAsync("Tess Timeout");
        await page.GetByLabel("Handle").FillAsync("tess");
        await page.GetByLabel("Email address").FillAsync("tess@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long and calm passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-factor sign-in");

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Do you want to stay signed in?" });
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await page.Clock.FastForwardAsync("01:57:00");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await page.Clock.FastForwardAsync("01:30");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("2 minutes");
        await page.AssertAccessibleAsync("idle warning open");

        // Focus is inside the modal dialog; Enter on its first button keeps the session.
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-idle-status]")).ToHaveTextAsync("You are still signed in.");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-factor sign-in");
        Assert.That(csp, Is.Empty, "CSP violations");
    }
}
