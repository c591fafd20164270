using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.BrowserTests.Sets;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Involvement;

/// <summary>
/// The pool from organisation to published story in real Chromium: a coordinator adds an organisation and its contact
/// and approves an opportunity by mouse; the contact posts it, chooses and approves by mouse; a pool member joins,
/// reads why it suits them, applies sharing lived experience for this application only, confirms, logs hours,
/// answers the impact questions and offers a story, all by keyboard; the story is published and /impact counts the
/// work, signed out. axe on every state, no CSP violations, and the opportunity and work pages reflow at 320 px.
/// </summary>
[NonParallelizable]
public sealed class PoolJourneyTests
{
    [Test]
    public async Task FromANewOrganisationToAPublishedStory_ByMouseAndByKeyboard()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var site = community.Site;
        // Sam's lived experience, kept "only me" on his profile; and Priya, who will apply too.
        TestApp.AssertRedirect(await community.Client("sam").SubmitAsync("/account/profile", new Dictionary<string, string>
        {
            ["Input.Consent"] = "true", ["Input.Conditions"] = "I had a stroke in 2019", ["Input.ConditionsVisibility"] = "OnlyMe",
        }), "/members/sam");
        TestApp.AssertRedirect(await community.Client("priya").SubmitAsync("/pool", new Dictionary<string, string>
        {
            ["Input.Kinds"] = "ServiceRedesign", ["Input.Payment"] = "ExpensesOnly",
        }), "/opportunities");

        var (_, coordinator, csp) = await community.BrowserAsync(browser, "admin");
        var (_, olly, ollyCsp) = await community.BrowserAsync(browser, "olly");
        var (_, sam, samCsp) = await community.BrowserAsync(browser, "sam");

        // The coordinator adds the organisation, verifies it and makes Olly its contact, by mouse.
        await coordinator.GotoAsync(site.BaseUrl + "/organisations/manage");
        await coordinator.AssertAccessibleAsync("organisations, empty");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add the organisation" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".error-summary")).ToBeFocusedAsync();
        await coordinator.AssertAccessibleAsync("organisation form with errors");
        await coordinator.GetByLabel("Name", new() { Exact = true }).FillAsync("Northshire NHS Trust");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add the organisation" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Northshire NHS Trust");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Mark verified" }).ClickAsync();
        await coordinator.GetByLabel("Add a contact by email").FillAsync("olly@example.org");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add the contact" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".notice[role=status]")).ToContainTextAsync("is now a contact for this organisation");
        await coordinator.AssertAccessibleAsync("organisation, with its contact");

        // Olly posts an opportunity by mouse; it waits for the coordinator.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await olly.GotoAsync(site.BaseUrl + "/opportunities");
        await olly.AssertAccessibleAsync("opportunities, contact");
        await olly.GetByRole(AriaRole.Link, new() { Name = "Post an opportunity" }).First.ClickAsync();
        await olly.GetByLabel("The role").FillAsync("Stroke follow-up redesign group");
        await olly.Locator("#Input_Kind").SelectOptionAsync("ServiceRedesign");
        await olly.GetByLabel("What difference will the leader's input make?").FillAsync("Decides how people are followed up at home after a stroke.");
        await olly.GetByLabel("Time commitment").FillAsync("Two two-hour meetings");
        await olly.GetByLabel("First day of the work").FillAsync(today.AddDays(3).ToString("yyyy-MM-dd"));
        await olly.GetByLabel("Last day of the work").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd"));
        await olly.GetByLabel("Hourly rate in pounds").FillAsync("25");
        await olly.GetByLabel("Expenses covered").FillAsync("Travel and carer costs");
        await olly.GetByLabel("Support and adjustments offered").FillAsync("A briefing call and large-print papers");
        await olly.GetByLabel("Closing date for applications").FillAsync(today.AddDays(2).ToString("yyyy-MM-dd"));
        await olly.GetByLabel("Contact email").FillAsync("olly@example.org");
        await olly.AssertAccessibleAsync("new opportunity form");
        await olly.GetByRole(AriaRole.Button, new() { Name = "Send for approval" }).ClickAsync();
        await Assertions.Expect(olly.Locator(".notice[role=status]")).ToContainTextAsync("Sent for approval");
        await olly.AssertAccessibleAsync("opportunity, waiting for approval");
        var opportunityPath = new Uri(olly.Url).AbsolutePath;

        await coordinator.GotoAsync(site.BaseUrl + "/opportunities/review");
        await coordinator.AssertAccessibleAsync("approval queue");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Approve Stroke follow-up redesign group" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".notice[role=status]")).ToContainTextAsync("it is now open to the pool");

        // Sam joins the pool, reads why the opportunity suits him and applies, by keyboard alone.
        await sam.GotoAsync(site.BaseUrl + "/pool");
        await sam.AssertAccessibleAsync("join the pool");
        await sam.TabToAsync("#Input_Kinds-ServiceRedesign");
        await sam.AssertFocusVisibleAsync();
        await sam.Keyboard.PressAsync("Space");
        await sam.TabToAsync("#Input_Remote");
        await sam.Keyboard.PressAsync("Space");
        await sam.TabToAsync("button:text('Join the pool')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("Welcome to the pool");
        await Assertions.Expect(sam.Locator("main")).ToContainTextAsync("You would like Service redesign");
        await sam.AssertAccessibleAsync("opportunities, pool member");
        await sam.TabToAsync("a:text('Stroke follow-up redesign group')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stroke follow-up redesign group");
        await sam.AssertAccessibleAsync("opportunity, pool member");
        await sam.AssertReflowsAt320Async();
        await sam.TabToAsync("#Input_Statement");
        await sam.Keyboard.TypeAsync("I know the follow-up from the inside.");
        await sam.TabToAsync("#Input_ShareLivedExperience");
        await sam.Keyboard.PressAsync("Space");
        await sam.TabToAsync("button:text('Send my application')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("your application has been sent");
        await Assertions.Expect(sam.Locator("main table")).ToContainTextAsync("Northshire NHS Trust");
        await sam.AssertAccessibleAsync("applications, with the sharing record");
        TestApp.AssertRedirect(await community.Client("priya").SubmitAsync(opportunityPath, new Dictionary<string, string> { ["Input.Statement"] = "I review leaflets." }),
            "/involvement/applications");

        // Olly reads what Sam shared with this application only, selects him and tells Priya kindly, by mouse.
        await olly.GotoAsync(site.BaseUrl + opportunityPath + "/applicants");
        await Assertions.Expect(olly.Locator("main")).ToContainTextAsync("I had a stroke in 2019");
        await olly.AssertAccessibleAsync("applicants");
        await olly.GetByRole(AriaRole.Button, new() { Name = "Select Sam" }).ClickAsync();
        await Assertions.Expect(olly.Locator(".notice[role=status]")).ToContainTextAsync("has been asked to confirm");
        await olly.GetByLabel("Feedback for Priya (optional)").FillAsync("Please apply for the leaflet review in spring.");
        await olly.GetByRole(AriaRole.Button, new() { Name = "Not this time: tell Priya kindly" }).ClickAsync();
        await Assertions.Expect(olly.Locator(".notice[role=status]")).ToContainTextAsync("not chosen this time");
        Assert.That(await site.WaitForLinkAsync("priya@example.org", "About your application"), Does.Contain("/opportunities"));

        // Sam confirms and logs his time by keyboard; the form refuses an empty claim first.
        await sam.GotoAsync(site.BaseUrl + "/involvement/applications");
        await sam.TabToAsync("button:text('Confirm I will do it')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("Confirmed");
        var workPath = new Uri(sam.Url).AbsolutePath;
        await sam.TabToAsync("button:text('Log my time')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".error-summary")).ToBeFocusedAsync();
        await sam.AssertAccessibleAsync("work, with errors");
        await sam.Locator("#Hours_WorkedOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await sam.TabToAsync("#Hours_Hours");
        await sam.Keyboard.PressAsync("Control+A");
        await sam.Keyboard.TypeAsync("2");
        await sam.TabToAsync("#Hours_Description");
        await sam.Keyboard.TypeAsync("Reading papers and the first meeting");
        await sam.TabToAsync("button:text('Log my time')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("Your hours are logged");
        await sam.AssertReflowsAt320Async();

        // An expense with its receipt, by mouse; Olly approves both and says what changed.
        await sam.GetByRole(AriaRole.Link, new() { Name = "Claim an expense, with a receipt" }).ClickAsync();
        await sam.AssertAccessibleAsync("claim an expense");
        await sam.GetByLabel("Day you spent the money").FillAsync(today.ToString("yyyy-MM-dd"));
        await sam.GetByLabel("Amount in pounds").FillAsync("12.50");
        await sam.GetByLabel("What it was for").FillAsync("Train to the meeting");
        await sam.GetByLabel("Receipt (optional)").SetInputFilesAsync(new FilePayload { Name = "ticket.png", MimeType = "image/png", Buffer = Tests.Infrastructure.FileKindsTests.Png });
        await sam.GetByRole(AriaRole.Button, new() { Name = "Claim the expense" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("Your expense is claimed");

        await olly.GotoAsync(site.BaseUrl + workPath);
        await olly.AssertAccessibleAsync("work, organisation");
        await olly.GetByRole(AriaRole.Button, new() { Name = "Approve" }).First.ClickAsync();
        await olly.GetByRole(AriaRole.Button, new() { Name = "Approve" }).First.ClickAsync();
        await Assertions.Expect(olly.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await Assertions.Expect(olly.Locator("main")).ToContainTextAsync("£50.00");
        await olly.GetByRole(AriaRole.Button, new() { Name = "The work has finished" }).ClickAsync();
        await olly.Locator("label[for='Impact_DecisionInfluenced']").ClickAsync();
        await olly.Locator("label[for='Impact_WhatChanged-Service']").ClickAsync();
        await olly.Locator("label[for='Impact_Adopted-Partly']").ClickAsync();
        await olly.GetByLabel("In your own words").FillAsync("We rewrote the follow-up plan around Sam's points.");
        await olly.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await Assertions.Expect(olly.Locator(".notice[role=status]")).ToContainTextAsync("counts towards the Centre's impact");
        await olly.AssertAccessibleAsync("work, answered");

        // Sam reads the organisation's answer, gives his own and offers his story, by keyboard.
        await sam.GotoAsync(site.BaseUrl + workPath);
        await Assertions.Expect(sam.Locator("main")).ToContainTextAsync("We rewrote the follow-up plan");
        await sam.AssertAccessibleAsync("work, leader, impact questions");
        await sam.TabToAsync("#Impact_DecisionInfluenced");
        await sam.Keyboard.PressAsync("Space");
        await sam.TabToAsync("#Impact_WhatChanged");
        await sam.Keyboard.PressAsync("ArrowDown");
        await sam.TabToAsync("#Impact_Adopted");
        await sam.Keyboard.PressAsync("Space");
        await sam.TabToAsync("button:text('Save the answer')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("Your answer is recorded");
        await sam.TabToAsync("a:text('Offer your story of change for publication')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Offer your story of change");
        await sam.AssertAccessibleAsync("offer a story");
        await sam.TabToAsync("#Input_Title");
        await sam.Keyboard.TypeAsync("Asked at last");
        await sam.TabToAsync("#Input_Body");
        await sam.Keyboard.TypeAsync("They asked me before they decided, and the plan changed.");
        await sam.TabToAsync("#Input_Named");
        await sam.Keyboard.PressAsync("Space");
        await sam.TabToAsync("button:text('Offer my story')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("Thank you for offering your story");
        await sam.TabToAsync("button:text('I approve this text')");
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".notice[role=status]")).ToContainTextAsync("will publish it as you approved it");
        var storyPath = new Uri(sam.Url).AbsolutePath;

        await coordinator.GotoAsync(site.BaseUrl + "/stories/manage");
        await coordinator.AssertAccessibleAsync("stories to edit");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Asked at last" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Publish it" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".notice[role=status]")).ToContainTextAsync("Published");
        await coordinator.GotoAsync(site.BaseUrl + "/involvement/overview");
        await coordinator.AssertAccessibleAsync("how the pool is working");

        // The remaining pool pages, each with data in it.
        foreach (var (page, path) in new[]
        {
            (coordinator, new Uri(coordinator.Url).AbsolutePath.Replace("/involvement/overview", "/stories/manage", StringComparison.Ordinal)),
            (olly, "/organisations/northshire-nhs-trust"), (olly, "/involvement/work"), (olly, opportunityPath.Replace("/opportunities/", "/opportunities/edit/", StringComparison.Ordinal)),
            (sam, "/involvement/work"), (sam, "/involvement/statement"), (sam, "/stories"), (sam, "/account/profile"),
        })
        {
            await page.GotoAsync(site.BaseUrl + path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await page.AssertAccessibleAsync(path);
        }

        // Signed out: the story and the impact it counts towards.
        var stranger = await (await browser.NewContextAsync()).NewPageAsync();
        var strangerCsp = stranger.WatchCspViolations();
        await stranger.GotoAsync(site.BaseUrl + "/impact");
        await Assertions.Expect(stranger.Locator("main")).ToContainTextAsync("1 of our goal of 200");
        await stranger.AssertAccessibleAsync("impact, signed out");
        await stranger.GotoAsync(site.BaseUrl + storyPath);
        await Assertions.Expect(stranger.Locator("article")).ToContainTextAsync("Sam");
        await stranger.AssertAccessibleAsync("story, signed out");
        Assert.That(csp.Concat(ollyCsp).Concat(samCsp).Concat(strangerCsp), Is.Empty, "CSP violations");
    }
}
