using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Mentoring;

/// <summary>
/// Request → suggestions with explanations → ask → accept → log a telephone session → fit check → complete, in real
/// Chromium against the real site, by mouse and by keyboard alone, with axe and CSP checks in every state visited.
/// </summary>
[NonParallelizable]
public sealed class MentoringJourneyTests
{
    private const string Password = "a long and calm passphrase";

    [Test]
    public async Task RequestToCompletion_WithTheMouse()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var site = await LiveSite.StartAsync();
        var (coordinator, mentor, mentee, csp) = await SetUpAsync(browser, site);

        await mentee.GetByRole(AriaRole.Link, new() { Name = "Mentoring", Exact = true }).ClickAsync();
        await mentee.AssertAccessibleAsync("mentoring home");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Ask for a mentor" }).ClickAsync();
        await mentee.AssertAccessibleAsync("request form");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "See suggested mentors" }).ClickAsync();
        await Assertions.Expect(mentee.Locator(".error-summary")).ToBeFocusedAsync();
        await mentee.AssertAccessibleAsync("request form with errors");
        await mentee.GetByLabel("What would you like help with?").FillAsync("Find my voice with commissioners");
        await mentee.GetByLabel("Influencing commissioners").CheckAsync();
        await mentee.GetByLabel("Which language would you like to be mentored in? (optional)").FillAsync("Welsh");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "See suggested mentors" }).ClickAsync();

        await Assertions.Expect(mentee.Locator(".suggestion .explanation")).ToHaveTextAsync("You both chose influencing commissioners; telephone; speaks Welsh");
        await mentee.AssertAccessibleAsync("suggestions with explanations");
        await mentee.AssertReflowsAt320Async();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Assertions.Expect(mentee.Locator(".error-summary")).ToBeFocusedAsync();
        await mentee.AssertAccessibleAsync("suggestions with an error");
        await mentee.GetByLabel("Ask Mia Mentor?").SelectOptionAsync("1");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Assertions.Expect(mentee.Locator("#request-status")).ToContainTextAsync("We have asked Mia Mentor");
        await mentee.AssertAccessibleAsync("request waiting");
        var requestPath = new Uri(mentee.Url).AbsolutePath;
        Assert.That(requestPath, Does.Match(@"^/mentoring/requests/\d+$"));
        await coordinator.GotoAsync(site.BaseUrl + requestPath.Replace("/mentoring/requests/", "/mentoring/coordinate/requests/", StringComparison.Ordinal));
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Mia Mentor");
        await coordinator.AssertAccessibleAsync("coordinator's page for one request");

        await mentor.GetByRole(AriaRole.Link, new() { Name = "Mentoring", Exact = true }).ClickAsync();
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Sam Mentee would like you to be their mentor" }).ClickAsync();
        await Assertions.Expect(mentor.Locator("main .explanation")).ToContainTextAsync("speaks Welsh");
        await mentor.AssertAccessibleAsync("request seen by the mentor");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Yes, I will be Sam Mentee's mentor" }).ClickAsync();
        await Assertions.Expect(mentor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mentoring with Sam Mentee");
        await mentor.AssertAccessibleAsync("new relationship");
        await Assertions.Expect(mentor.GetByLabel("Telephone")).ToBeCheckedAsync();
        await mentor.GetByLabel("How long, in minutes").FillAsync("");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(mentor.Locator(".error-summary")).ToBeFocusedAsync();
        await mentor.AssertAccessibleAsync("session log with an error");
        await mentor.GetByLabel("How long, in minutes").FillAsync("45");
        await mentor.GetByLabel("Your private note (optional)").FillAsync("Sam wants to practise a two-minute story.");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(mentor.Locator(".notice[role=status]")).ToContainTextAsync("Session logged");
        await mentor.AssertAccessibleAsync("relationship with a session");

        await mentee.GotoAsync(site.BaseUrl + "/mentoring");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Mentored by Mia Mentor" }).ClickAsync();
        await Assertions.Expect(mentee.Locator("#sessions")).Not.ToContainTextAsync("two-minute story");
        await mentee.AssertAccessibleAsync("relationship with the fit check");
        await mentee.GetByLabel("It is going well").CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Assertions.Expect(mentee.Locator(".notice[role=status]")).ToContainTextAsync("Your answer stays private");

        await mentee.GetByRole(AriaRole.Link, new() { Name = "Messages with Mia Mentor" }).ClickAsync();
        await mentee.GetByLabel("Your message").FillAsync("Thank you for today!");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Assertions.Expect(mentee.GetByRole(AriaRole.Log)).ToContainTextAsync("Thank you for today!");
        await mentee.AssertAccessibleAsync("messages");

        await mentee.GetByRole(AriaRole.Link, new() { Name = "Back to your mentoring page" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Link, new() { Name = "End this mentoring" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "End mentoring" }).ClickAsync();
        await Assertions.Expect(mentee.Locator(".error-summary")).ToBeFocusedAsync();
        await mentee.AssertAccessibleAsync("ending with an error");
        await mentee.GetByLabel("We have completed our mentoring").CheckAsync();
        await mentee.GetByLabel("Feedback for the coordinators (optional)").FillAsync("Mia was patient and clear.");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "End mentoring" }).ClickAsync();
        await Assertions.Expect(mentee.Locator(".notice[role=status]")).ToContainTextAsync("marked as complete");
        await mentee.AssertAccessibleAsync("completed relationship");

        await coordinator.GotoAsync(site.BaseUrl + "/mentoring/coordinate");
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Mia was patient and clear.");
        await coordinator.AssertAccessibleAsync("coordinator dashboard");
        await coordinator.GotoAsync(site.BaseUrl + "/mentoring/coordinate/cohort");
        await coordinator.AssertAccessibleAsync("cohort matching");
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    [Test]
    public async Task RequestToCompletion_ByKeyboardAlone()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var site = await LiveSite.StartAsync();
        var (_, mentor, mentee, csp) = await SetUpAsync(browser, site);

        await mentee.GotoAsync(site.BaseUrl + "/");
        await mentee.TabToAsync("nav a:text-is('Mentoring')");
        await mentee.AssertFocusVisibleAsync();
        await mentee.Keyboard.PressAsync("Enter");
        await mentee.TabToAsync("a:text('Ask for a mentor')");
        await mentee.Keyboard.PressAsync("Enter");
        await mentee.TabToAsync("#Input_Goals");
        await mentee.Keyboard.TypeAsync("Speak up for carers");
        await mentee.TabToAsync("input[name='Input.FocusAreas'][value=InfluencingCommissioners]");
        await mentee.AssertFocusVisibleAsync();
        await mentee.Keyboard.PressAsync("Space");
        await mentee.TabToAsync("#Input_Language");
        await mentee.Keyboard.PressAsync("Control+A");
        await mentee.Keyboard.TypeAsync("Welsh");
        await mentee.TabToAsync("button:text('See suggested mentors')");
        await mentee.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mentee.Locator(".suggestion .explanation")).ToContainTextAsync("speaks Welsh");

        await mentee.TabToAsync(".suggestion select");
        await mentee.AssertFocusVisibleAsync();
        await mentee.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(mentee.Locator(".suggestion select")).ToHaveValueAsync("1");
        await mentee.TabToAsync("button:text('Send my request')");
        await mentee.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mentee.Locator("#request-status")).ToContainTextAsync("We have asked Mia Mentor");

        await mentor.GotoAsync(site.BaseUrl + "/mentoring");
        await mentor.TabToAsync("a:text('would like you to be their mentor')");
        await mentor.Keyboard.PressAsync("Enter");
        await mentor.TabToAsync("button:text('Yes, I will be')");
        await mentor.AssertFocusVisibleAsync();
        await mentor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mentor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mentoring with Sam Mentee");
        await mentor.TabToAsync("#Session_DurationMinutes");
        await mentor.Keyboard.PressAsync("Control+A");
        await mentor.Keyboard.TypeAsync("30");
        await mentor.TabToAsync("button:text('Log session')");
        await mentor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mentor.Locator(".notice[role=status]")).ToContainTextAsync("Session logged");
        await Assertions.Expect(mentor.Locator("#sessions")).ToContainTextAsync("Telephone, 30 minutes");

        await mentee.GotoAsync(site.BaseUrl + "/mentoring");
        await mentee.TabToAsync("a:text('Mentored by Mia Mentor')");
        await mentee.Keyboard.PressAsync("Enter");
        await mentee.TabToAsync("input[name=FitAnswer][value=Good]");
        await mentee.Keyboard.PressAsync("Space");
        await mentee.TabToAsync("button:text('Send my answer')");
        await mentee.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mentee.Locator(".notice[role=status]")).ToContainTextAsync("Your answer stays private");

        await mentee.TabToAsync("a:text('End this mentoring')");
        await mentee.Keyboard.PressAsync("Enter");
        await mentee.TabToAsync("input[name='Input.Outcome'][value=Completed]");
        await mentee.Keyboard.PressAsync("Space");
        await mentee.TabToAsync("button:text('End mentoring')");
        await mentee.AssertFocusVisibleAsync();
        await mentee.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mentee.Locator(".notice[role=status]")).ToContainTextAsync("marked as complete");
        await mentee.AssertAccessibleAsync("completed, by keyboard");
        Assert.That(csp, Is.Empty, "CSP violations");
    }

    /// <summary>An admin (who coordinates mentoring as admins do), an accredited mentor with an offer, and a mentee, all through the pages.</summary>
    private static async Task<(IPage Coordinator, IPage Mentor, IPage Mentee, List<string> Csp)> SetUpAsync(IBrowser browser, LiveSite site)
    {
        var csp = new List<string>();
        var admin = await NewPageAsync(browser, csp);
        await admin.GotoAsync(await site.SetupLinkAsync());
        await admin.GetByLabel("Your name").FillAsync("Cory Coordinator");
        await admin.GetByLabel("Handle").FillAsync("cory");
        await admin.GetByLabel("Email address").FillAsync("cory@example.org");
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create administrator account" }).ClickAsync();
        var key = (await admin.Locator("#authenticator-key").TextContentAsync())!;
        await admin.GetByLabel("Enter the 6-digit code your app shows").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".secret-list code")).ToHaveCountAsync(10);

        // Admins coordinate mentoring without taking the coordinator role.
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeVisibleAsync();

        var mentor = await JoinAsync(browser, site, admin, csp, "mia@example.org", "mia", "Mia Mentor", "Mentor");
        var mentee = await JoinAsync(browser, site, admin, csp, "sam@example.org", "sam", "Sam Mentee", "Member");

        await mentor.GotoAsync(site.BaseUrl + "/mentoring/offer");
        await mentor.AssertAccessibleAsync("mentor offer");
        await mentor.GetByLabel("Influencing commissioners").CheckAsync();
        await mentor.GetByLabel("Languages you can mentor in").FillAsync("English, Welsh");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save my offer" }).ClickAsync();
        await Assertions.Expect(mentor.Locator(".notice[role=status]")).ToContainTextAsync("Your offer is saved");

        await admin.GotoAsync(site.BaseUrl + "/mentoring/coordinate");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Mia Mentor" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record accreditation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".error-summary")).ToBeFocusedAsync();
        await admin.AssertAccessibleAsync("accreditation with errors");
        await admin.GetByLabel("Mentor", new() { Exact = true }).CheckAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await admin.GetByLabel("Date gained").FillAsync(today.AddYears(-1).ToString("yyyy-MM-dd"));
        await admin.GetByLabel("Expiry date").FillAsync(today.AddYears(2).ToString("yyyy-MM-dd"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record accreditation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice[role=status]")).ToContainTextAsync("Mentor accreditation recorded for Mia Mentor");
        await admin.AssertAccessibleAsync("accreditations");
        return (admin, mentor, mentee, csp);
    }

    private static async Task<IPage> JoinAsync(IBrowser browser, LiveSite site, IPage admin, List<string> csp, string email, string handle, string name, string role)
    {
        await admin.GotoAsync(site.BaseUrl + "/admin");
        await admin.GetByLabel("Their email address").FillAsync(email);
        await admin.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(role);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        var page = await NewPageAsync(browser, csp);
        await page.GotoAsync(await site.WaitForLinkAsync(email, "invited"));
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Handle").FillAsync(handle);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {name}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Welcome back, {name}.")).ToBeVisibleAsync();
        return page;
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, List<string> csp)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                csp.Add(message.Text);
            }
        };
        return page;
    }
}
