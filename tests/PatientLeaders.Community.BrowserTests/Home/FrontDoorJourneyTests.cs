using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.BrowserTests.Sets;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Home;

/// <summary>
/// The front door and the everyday, at 1280 and 320 px wide, with screenshots kept as test artifacts: a visitor reads
/// the home page; the phone menu opens and closes by keyboard; a member's home shows their meeting and discussions;
/// people are invited from a list and one joins in one step; the directories and the Latest list are read; a worried
/// report emails the moderators and shows the urgent badge; a member messages another, live, and is blocked. axe on every state, no CSP violations, no sideways scroll.
/// </summary>
[NonParallelizable]
public sealed class FrontDoorJourneyTests
{
    [Test]
    public async Task AVisitorAMemberAndTheModerators_AtDesktopAndPhoneWidths()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var site = community.Site;
        await community.Client("admin").CreateCategoryAsync("General chat");
        var pairId = await community.PairAsync("mia", "sam");
        await community.Client("priya").StartThreadAsync("general-chat", "Pacing tips", "What helps you on a low-energy day?");
        TestApp.AssertRedirect(await community.Client("mia").SubmitAsync($"/mentoring/{pairId}/messages", new Dictionary<string, string> { ["Body"] = "Welcome, Sam!" },
            "#message-form"), $"/mentoring/{pairId}/messages");
        var thread = await community.Client("sam").StartThreadAsync("general-chat", "A hard week", "I am struggling to keep going.");

        // A visitor reads the front door.
        var visitorContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var visitor = await visitorContext.NewPageAsync();
        var visitorCsp = visitor.WatchCspViolations();
        await visitor.GotoAsync(site.BaseUrl + "/");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "What happens here" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator(".site-name img")).ToBeVisibleAsync();
        Assert.That(await visitor.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"), Does.StartWith("\"Atkinson Hyperlegible\""));
        await visitor.AssertAccessibleAsync("home, visitor");
        await ShotAsync(visitor, "home-visitor-1280");
        await visitor.AssertReflowsAt320Async();
        await visitor.SetViewportSizeAsync(320, 700);
        await ShotAsync(visitor, "home-visitor-320");

        // On a phone the menu is a disclosure: closed, opened and closed again by keyboard, its state announced.
        var menu = visitor.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(visitor.Locator("#site-menu")).ToBeHiddenAsync();
        await visitor.TabToAsync(".menu-toggle");
        await visitor.AssertFocusVisibleAsync();
        await visitor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(visitor.Locator("#site-menu").GetByRole(AriaRole.Link, new() { Name = "Programmes", Exact = true })).ToBeVisibleAsync();
        await visitor.AssertAccessibleAsync("phone menu open");
        await ShotAsync(visitor, "menu-open-320");
        await visitor.Keyboard.PressAsync("Tab");
        await visitor.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToBeFocusedAsync();
        await visitor.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await Assertions.Expect(visitor.Locator("#site-menu")).ToBeVisibleAsync();

        // Sam's home: his set's next meeting and the latest discussions.
        var (_, sam, samCsp) = await community.BrowserAsync(browser, "sam");
        await sam.GotoAsync(site.BaseUrl + "/");
        await Assertions.Expect(sam.Locator(".dashboard-sets")).ToContainTextAsync("Next meeting: Stroke leaders");
        await Assertions.Expect(sam.Locator("section[aria-labelledby=discussions-heading]")).ToContainTextAsync("A hard week");
        await Assertions.Expect(sam.Locator("section[aria-labelledby=discussions-heading] .thread-unread")).ToContainTextAsync("Pacing tips");
        await Assertions.Expect(sam.Locator("section[aria-labelledby=mentoring-heading]")).ToContainTextAsync("Mentored by Mia");
        await Assertions.Expect(sam.Locator("section[aria-labelledby=mentoring-heading]")).ToContainTextAsync("Arrange your first conversation.");
        await Assertions.Expect(sam.Locator("section[aria-labelledby=mentoring-heading]")).ToContainTextAsync("1 unread message");
        await sam.AssertAccessibleAsync("member's home");
        await ShotAsync(sam, "home-member-1280");
        await sam.AssertReflowsAt320Async();
        await sam.SetViewportSizeAsync(320, 700);
        await ShotAsync(sam, "home-member-320");
        await sam.SetViewportSizeAsync(1280, 900);
        foreach (var (path, state) in new[] { ("/forum/latest", "latest discussions"), ("/mentoring/mentors", "mentor directory"), ("/account/profile", "profile with the directory choice") })
        {
            await sam.GotoAsync(site.BaseUrl + path);
            await sam.AssertAccessibleAsync(state);
        }
        await sam.GetByLabel("List me in the member directory").CheckAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        // A file that is not a picture is refused on the picture's own page, with the reason.
        await sam.GotoAsync(site.BaseUrl + "/account/profile");
        await sam.Locator("#Photo").SetInputFilesAsync(new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = "not a picture"u8.ToArray() });
        await sam.GetByRole(AriaRole.Button, new() { Name = "Upload the picture" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.That(new Uri(sam.Url).AbsolutePath, Is.EqualTo("/account/profile/photo/upload"));
        await sam.AssertAccessibleAsync("picture refused");
        await sam.GotoAsync(site.BaseUrl + "/members");
        await Assertions.Expect(sam.Locator(".directory-name")).ToHaveTextAsync(["Sam"]);
        await sam.AssertAccessibleAsync("member directory");
        await sam.AssertReflowsAt320Async();

        // The admin invites two people from a list; one of them joins in one step.
        var (_, admin, adminCsp) = await community.BrowserAsync(browser, "admin");
        await admin.GotoAsync(site.BaseUrl + "/admin/invitations");
        await admin.AssertAccessibleAsync("bulk invitations");
        await admin.GetByLabel("People to invite").FillAsync("Lee Evans, lee@example.org\nsam@example.org\nnot an address");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check the list" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tbody tr")).ToHaveCountAsync(3);
        await admin.AssertAccessibleAsync("bulk invitations, checked");
        await admin.AssertReflowsAt320Async();
        await admin.SetViewportSizeAsync(320, 700);
        await ShotAsync(admin, "invitations-checked-320");
        await admin.SetViewportSizeAsync(1280, 900);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send 1 invitation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice[role=status]")).ToContainTextAsync("1 invitation sent.");

        var leeContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 700 } });
        var lee = await leeContext.NewPageAsync();
        var leeCsp = lee.WatchCspViolations();
        await lee.GotoAsync(await site.WaitForLinkAsync("lee@example.org", "invited"));
        await Assertions.Expect(lee.GetByLabel("Your name")).ToHaveValueAsync("Lee Evans");
        await lee.AssertAccessibleAsync("joining, phone");
        await lee.GetByLabel("Handle").FillAsync("lee");
        await lee.GetByLabel("Password", new() { Exact = true }).FillAsync(LiveCommunity.Password);
        await lee.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(lee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Lee Evans");
        await lee.AssertAccessibleAsync("welcome, phone");
        await ShotAsync(lee, "welcome-320");

        // Priya is worried about Sam: the moderators hear at once, by email and by the urgent badge.
        var (_, priya, priyaCsp) = await community.BrowserAsync(browser, "priya");
        await priya.GotoAsync(site.BaseUrl + $"/forum/t/{thread}");
        await priya.Locator(".post-list a[href$='/flag']").First.ClickAsync();
        await priya.GetByLabel("I'm worried about this person").CheckAsync();
        await priya.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(priya.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for telling us");
        Assert.That(await site.WaitForLinkAsync("admin@example.org", "URGENT: a member may be at risk"), Does.EndWith("/forum/moderation"));
        await admin.GotoAsync(site.BaseUrl + "/");
        await Assertions.Expect(admin.Locator("#moderation-badge")).ToContainTextAsync("1 urgent");
        await admin.AssertAccessibleAsync("home with the urgent badge");
        await ShotAsync(admin, "moderation-badge-1280");
        await admin.Locator("#moderation-badge").ClickAsync();
        await Assertions.Expect(admin.Locator(".flag-list")).ToContainTextAsync("A hard week");
        await admin.AssertAccessibleAsync("moderation queue with an urgent report");

        // Sam writes to Priya; her open conversation shows his next message live; then she blocks him.
        await sam.GotoAsync(site.BaseUrl + "/members/priya");
        await sam.GetByRole(AriaRole.Link, new() { Name = "Send a message" }).ClickAsync();
        await Assertions.Expect(sam.Locator("#Input_To")).ToHaveValueAsync("priya");
        await sam.GetByLabel("Message", new() { Exact = true }).FillAsync("Thank you for looking out for me.");
        await sam.AssertAccessibleAsync("new message");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Assertions.Expect(sam.Locator("#conversation-log")).ToContainTextAsync("Thank you for looking out for me.");
        await sam.AssertAccessibleAsync("conversation");
        var conversationPath = new Uri(sam.Url).AbsolutePath;

        await priya.GotoAsync(site.BaseUrl + "/");
        await Assertions.Expect(priya.Locator("#messages-badge")).ToContainTextAsync("1 conversation with unread messages");
        await priya.Locator("#messages-badge").ClickAsync();
        await priya.AssertAccessibleAsync("messages list");
        await priya.Locator(".thread-title a").First.ClickAsync();
        await Assertions.Expect(priya.Locator("#conversation-log")).ToContainTextAsync("Thank you for looking out for me.");
        await Assertions.Expect(priya.Locator("html[data-forum-live=connected]")).ToHaveCountAsync(1);
        TestApp.AssertRedirect(await community.Client("sam").SubmitAsync(conversationPath, new Dictionary<string, string> { ["Body"] = "Are you free to talk?" }, "#message-form"),
            conversationPath);
        await Assertions.Expect(priya.Locator("#conversation-log")).ToContainTextAsync("Are you free to talk?");
        await priya.AssertReflowsAt320Async();
        // She reports that message; a moderator reads the report and the messages around it.
        await priya.Locator("#conversation-log a[href^='/messages/report/']").Last.ClickAsync();
        await Assertions.Expect(priya.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Report a message");
        await priya.AssertAccessibleAsync("report a message");
        await priya.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await admin.GotoAsync(site.BaseUrl + "/messages/reports");
        await admin.AssertAccessibleAsync("reported private messages");
        await admin.Locator("main a[href^='/messages/reports/']").First.ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Are you free to talk?");
        await admin.AssertAccessibleAsync("a reported private message");
        await admin.AssertReflowsAt320Async();
        await priya.GotoAsync(site.BaseUrl + conversationPath);
        await priya.GetByRole(AriaRole.Button, new() { Name = "Block Sam" }).ClickAsync();
        await Assertions.Expect(priya.Locator(".notice[role=status]")).ToContainTextAsync("You have blocked Sam.");
        await priya.GotoAsync(site.BaseUrl + "/messages/blocked");
        await Assertions.Expect(priya.Locator("main")).ToContainTextAsync("Sam");
        await priya.AssertAccessibleAsync("blocked members");
        await sam.GotoAsync(site.BaseUrl + conversationPath);
        await sam.GetByLabel("Your reply").FillAsync("Hello?");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".error-summary")).ToContainTextAsync("This message cannot be delivered.");
        await sam.AssertAccessibleAsync("message refused after a block");

        Assert.That(visitorCsp.Concat(samCsp).Concat(adminCsp).Concat(leeCsp).Concat(priyaCsp), Is.Empty);
    }

    /// <summary>A full-page screenshot kept with the test's results.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
