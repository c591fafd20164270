using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.BrowserTests.Sets;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.BrowserTests.Programmes;

/// <summary>
/// A programme from start to certificate in real Chromium: a coordinator creates a programme and a cohort by mouse;
/// a member applies, takes the offered place and enters the cohort's set room by keyboard alone; a coach logs a call;
/// the facilitator keeps the register by keyboard; completion opens the alumni area; the certificate is made public
/// and checked signed out. axe on every state, no CSP violations, and the cohort page reflows at 320 px.
/// </summary>
[NonParallelizable]
public sealed class ProgrammeJourneyTests
{
    [Test]
    public async Task FromANewCohortToACheckedCertificate_ByMouseAndByKeyboard()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var site = community.Site;
        var admin = community.Client("admin");
        await community.InviteAsync(admin, "cody", Roles.Mentor);
        TestApp.AssertRedirect(await community.Client("cody").SubmitAsync("/mentoring/offer", new Dictionary<string, string>
        {
            ["Input.FocusAreas"] = "CoProduction", ["Input.Formats"] = "Telephone", ["Input.Languages"] = "English", ["Input.Capacity"] = "2",
        }, "form[action*=Save]"), "/mentoring/offer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (handle, kind) in new[] { ("faye", "Facilitator"), ("cody", "Coach") })
        {
            await RecordAccreditationAsync(admin, handle, kind, today);
        }

        var (_, coordinator, csp) = await community.BrowserAsync(browser, "admin");
        var (_, sam, samCsp) = await community.BrowserAsync(browser, "sam");
        var (_, faye, fayeCsp) = await community.BrowserAsync(browser, "faye");
        var (_, cody, codyCsp) = await community.BrowserAsync(browser, "cody");

        // The coordinator adds a published programme and a cohort, by mouse.
        await coordinator.GotoAsync(site.BaseUrl + "/programmes");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Manage programmes" }).ClickAsync();
        await coordinator.AssertAccessibleAsync("manage programmes, empty");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Add a programme" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save the programme" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".error-summary")).ToBeFocusedAsync();
        await coordinator.AssertAccessibleAsync("programme form with errors");
        await coordinator.GetByLabel("Title").FillAsync("Leading from experience");
        await coordinator.GetByLabel("Summary").FillAsync("Four weeks to lead change from lived experience.");
        await coordinator.GetByLabel("Aims").FillAsync("- Tell your story with purpose");
        await coordinator.GetByLabel("Who it is for").FillAsync("Anyone living with a long-term condition.");
        await coordinator.GetByLabel("Sessions to attend").FillAsync("1");
        await coordinator.GetByLabel("Coaching calls with their coach").FillAsync("1");
        await coordinator.GetByLabel("Published: anyone can see it and apply for its cohorts").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save the programme" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leading from experience");
        await coordinator.AssertAccessibleAsync("programme page");
        var slug = new Uri(coordinator.Url).AbsolutePath.Split('/')[^1];

        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var soon = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(15), london);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Add a cohort" }).ClickAsync();
        await coordinator.GetByLabel("Name of the cohort").FillAsync("Spring");
        await coordinator.GetByLabel("Number of places").FillAsync("4");
        await coordinator.GetByLabel("Facilitators").FillAsync("faye");
        await coordinator.Locator("#Input_Sessions_0__Kind").SelectOptionAsync("Workshop");
        await coordinator.Locator("#Input_Sessions_0__Date").FillAsync(soon.ToString("yyyy-MM-dd"));
        await coordinator.Locator("#Input_Sessions_0__Time").FillAsync(soon.ToString("HH:mm"));
        await coordinator.Locator("#Input_Sessions_1__Kind").SelectOptionAsync("ActionLearning");
        await coordinator.Locator("#Input_Sessions_1__Date").FillAsync(soon.AddDays(1).ToString("yyyy-MM-dd"));
        await coordinator.Locator("#Input_Sessions_1__Time").FillAsync("10:00");
        await coordinator.AssertAccessibleAsync("new cohort form");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Create the cohort" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".notice[role=status]")).ToContainTextAsync("has been created, with its own action learning set");
        await coordinator.AssertAccessibleAsync("cohort page, coordinator");
        var cohortPath = new Uri(coordinator.Url).AbsolutePath;

        // Sam applies and takes the place, by keyboard alone.
        await sam.GotoAsync(site.BaseUrl + "/programmes");
        await sam.AssertAccessibleAsync("catalogue");
        await sam.TabToAsync("a:text('Spring')");
        await sam.AssertFocusVisibleAsync();
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Spring");
        await sam.AssertAccessibleAsync("cohort page, member");
        await sam.AssertReflowsAt320Async();
        await sam.TabToAsync("a:text('Apply for a place')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Apply for Leading from experience");
        await sam.TabToAsync("button:text('Send my application')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".error-summary")).ToBeFocusedAsync();
        await sam.AssertAccessibleAsync("application with errors");
        await sam.TabToAsync("#Input_Why");
        await sam.Keyboard.TypeAsync("To speak up for stroke survivors");
        await sam.TabToAsync("#Input_Change");
        await sam.Keyboard.TypeAsync("How discharge is planned");
        await sam.TabToAsync("#Input_AccessNeeds");
        await sam.Keyboard.TypeAsync("Captions, please");
        await sam.TabToAsync("button:text('Send my application')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("your application has been sent");
        await sam.AssertAccessibleAsync("applications, waiting");

        await coordinator.GotoAsync(site.BaseUrl + cohortPath.Replace("/programmes/cohorts/", "/programmes/manage/cohorts/", StringComparison.Ordinal));
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("Captions, please");
        await coordinator.AssertAccessibleAsync("applications, coordinator");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Offer a place" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".notice[role=status]")).ToContainTextAsync("The place has been offered");

        await sam.GotoAsync(site.BaseUrl + "/programmes/applications");
        await sam.TabToAsync("button:text('Take my place')");
        await sam.AssertFocusVisibleAsync();
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("Your place is confirmed");
        await sam.AssertAccessibleAsync("applications, place taken");

        // The cohort's set room opens for its action learning meeting.
        await sam.GotoAsync(site.BaseUrl + cohortPath);
        var setLink = sam.Locator("a:text('Your action learning set')");
        await sam.TabToAsync("a:text('Your action learning set')");
        await sam.AssertFocusVisibleAsync();
        await sam.GotoAsync(site.BaseUrl + await setLink.GetAttributeAsync("href"));
        await sam.TabToAsync("button:text('I agree to these ground rules')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator("form.rules-form")).ToHaveCountAsync(0);
        await sam.TabToAsync("a:text(\"Go to the set's room\")");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator("#chat-log")).ToHaveAttributeAsync("role", "log");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Leading from experience: Spring");
        await sam.AssertAccessibleAsync("cohort's set room");

        // A coach from the explained suggestions; the coach logs a call on the mentoring page.
        await coordinator.GotoAsync(site.BaseUrl + cohortPath);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Participants, coaches and sign-off" }).ClickAsync();
        await coordinator.AssertAccessibleAsync("participants and coaches");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Make Cody the coach" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".notice[role=status]")).ToContainTextAsync("Cody is now Sam's coach");
        await cody.GotoAsync(site.BaseUrl + "/mentoring");
        await cody.GetByRole(AriaRole.Link, new() { Name = "Mentoring Sam" }).ClickAsync();
        await cody.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(cody.Locator(".notice[role=status]")).ToContainTextAsync("Session logged");

        // The facilitator keeps the register by keyboard; with the call logged, Sam has completed.
        await faye.GotoAsync(site.BaseUrl + cohortPath);
        await faye.TabToAsync("a:text('Register')");
        await faye.Keyboard.PressAsync("Enter");
        await Assertions.Expect(faye.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Register for");
        await faye.AssertAccessibleAsync("register");
        await faye.AssertReflowsAt320Async();
        await faye.TabToAsync("main select");
        await faye.AssertFocusVisibleAsync();
        await faye.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(faye.Locator("main select").First).ToHaveValueAsync("Present");
        await faye.TabToAsync("button:text('Save the register')");
        await faye.Keyboard.PressAsync("Enter");
        await Assertions.Expect(faye.Locator(".notice[role=status]")).ToContainTextAsync("The register has been saved");
        await Assertions.Expect(faye.Locator("main table")).ToContainTextAsync("Completed");

        // Completion opens the alumni area; Sam makes the certificate public and anyone can check it.
        await sam.GotoAsync(site.BaseUrl + "/forum/alumni-" + slug);
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Alumni: Leading from experience");
        await sam.AssertAccessibleAsync("alumni category");
        await sam.GotoAsync(site.BaseUrl + "/programmes/applications");
        await sam.TabToAsync("a[href^='/certificates/']");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Certificate of completion");
        await sam.AssertAccessibleAsync("certificate, private");
        await sam.TabToAsync("button:text('Make it public')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("Your certificate is public");
        var certificate = sam.Url;

        var stranger = await (await browser.NewContextAsync()).NewPageAsync();
        var strangerCsp = stranger.WatchCspViolations();
        await stranger.GotoAsync(certificate);
        await Assertions.Expect(stranger.Locator("#certificate-status")).ToContainTextAsync("This certificate is real");
        await Assertions.Expect(stranger.Locator(".certificate")).ToContainTextAsync("Sam");
        await stranger.AssertAccessibleAsync("certificate, signed out");
        Assert.That(csp.Concat(samCsp).Concat(fayeCsp).Concat(codyCsp).Concat(strangerCsp), Is.Empty, "CSP violations");
    }

    /// <summary>The admin records a current accreditation on the mentoring coordinators' page for the person.</summary>
    public static async Task RecordAccreditationAsync(HttpClient admin, string handle, string kind, DateOnly today)
    {
        var memberId = await MemberIdAsync(admin, handle);
        TestApp.AssertRedirect(await admin.SubmitAsync($"/mentoring/coordinate/mentors/{memberId}", new Dictionary<string, string>
        {
            ["Input.Kind"] = kind, ["Input.GainedOn"] = today.AddYears(-1).ToString("yyyy-MM-dd"), ["Input.ExpiresOn"] = today.AddYears(2).ToString("yyyy-MM-dd"),
        }, "form[action*=Add]"), $"/mentoring/coordinate/mentors/{memberId}");
    }

    private static async Task<long> MemberIdAsync(HttpClient admin, string handle)
    {
        var page = await admin.GetPageAsync("/admin");
        var link = page.QuerySelectorAll("a[href^='/admin/members/']").FirstOrDefault(a => a.TextContent.Contains(char.ToUpperInvariant(handle[0]) + handle[1..], StringComparison.Ordinal));
        Assert.That(link, Is.Not.Null, $"@{handle} on the admin page");
        return long.Parse(link!.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
