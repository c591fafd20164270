using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Forum;

/// <summary>
/// Admin creates a category → a member starts a thread → another replies → a reply to that reply with a mention →
/// a draft survives closing the tab → a reply posted by keyboard alone. Axe and CSP on every forum page and state.
/// </summary>
[NonParallelizable]
public sealed class ForumJourneyTests
{
    private const string Password = "a long and calm passphrase";

    [Test]
    public async Task CategoryThreadRepliesMentionsDraftsAndKeyboardReply()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var site = await LiveSite.StartAsync();
        var (admin, adminCsp) = await NewPageAsync(browser);
        await SetUpAdminAsync(admin, site);

        // Admin: categories, with the error summary on an empty form.
        await admin.GotoAsync(site.BaseUrl + "/forum/admin/categories");
        await admin.AssertAccessibleAsync("category admin, empty");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Add a category" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save category" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".error-summary")).ToBeFocusedAsync();
        await admin.AssertAccessibleAsync("category form with errors");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Peer support");
        await admin.GetByLabel("Description (optional)").FillAsync("Share what helps.");
        await admin.GetByLabel("Icon").SelectOptionAsync("support");
        await admin.GetByLabel("Colour", new() { Exact = true }).SelectOptionAsync("teal");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save category" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Peer support");
        await admin.AssertAccessibleAsync("category admin with a category");

        var (sam, samCsp) = await NewPageAsync(browser);
        await InviteAndRegisterAsync(admin, sam, site, "sam@example.org", "sam", "Sam Jones");
        var (kit, kitCsp) = await NewPageAsync(browser);
        await InviteAndRegisterAsync(admin, kit, site, "kit@example.org", "kit", "Kit Lee");

        // Sam starts a thread: the form's errors, a JavaScript preview, then posting.
        await sam.GetByRole(AriaRole.Link, new() { Name = "Forum" }).ClickAsync();
        await sam.AssertAccessibleAsync("forum index");
        await sam.GetByRole(AriaRole.Link, new() { Name = "Peer support" }).ClickAsync();
        await sam.AssertAccessibleAsync("empty category");
        await sam.GetByRole(AriaRole.Link, new() { Name = "Start a new thread in Peer support" }).ClickAsync();
        await sam.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".error-summary")).ToBeFocusedAsync();
        await sam.AssertAccessibleAsync("new thread with errors");
        await sam.GetByLabel("Title").FillAsync("What helps on a hard day?");
        await sam.GetByLabel("Your message").FillAsync("For me it is **a short walk**.");
        await sam.GetByLabel("Content note (optional)").FillAsync("low mood");
        await sam.GetByLabel("Tags (optional)").FillAsync("wellbeing");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(sam.Locator("[data-preview-region]")).ToBeVisibleAsync();
        await Assertions.Expect(sam.Locator("[data-preview-content] summary")).ToHaveTextAsync("Content note: low mood");
        Assert.That(sam.Url, Does.Not.Contain("handler=Preview"), "the JavaScript preview stays on the page");
        await sam.AssertAccessibleAsync("new thread with preview");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What helps on a hard day?");
        await sam.AssertAccessibleAsync("thread with one post");
        var threadUrl = sam.Url.Split('?')[0];

        // Kit replies from the thread's own composer, after opening the content note.
        await kit.GotoAsync(threadUrl);
        await kit.GetByText("Content note: low mood").ClickAsync();
        await Assertions.Expect(kit.Locator(".content-note strong")).ToHaveTextAsync("a short walk");
        await kit.AssertAccessibleAsync("thread, content note open");
        await kit.GetByLabel("Your message").FillAsync("Music helps me, Sam.");
        await kit.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(kit.Locator(".notice")).ToContainTextAsync("Your reply has been posted");
        await kit.GetByRole(AriaRole.Button, new() { Name = "Helpful 0" }).First.ClickAsync();
        await Assertions.Expect(kit.Locator("button.reaction[aria-pressed=true]")).ToHaveCountAsync(1);
        // The tick drawn on a pressed reaction is not part of its name: aria-pressed says it is pressed.
        await Assertions.Expect(kit.Locator("button.reaction[aria-pressed=true]")).ToHaveAccessibleNameAsync("Helpful 1");
        await kit.AssertAccessibleAsync("thread after reply and reaction");

        // Sam replies to Kit's reply, mentioning Kit.
        await sam.GotoAsync(threadUrl);
        await sam.GetByRole(AriaRole.Link, new() { Name = "Reply to post 2" }).ClickAsync();
        await Assertions.Expect(sam.GetByText("You are replying to")).ToBeVisibleAsync();
        await sam.AssertAccessibleAsync("reply to a post");
        await sam.GetByLabel("Your message").FillAsync("Thank you @kit, what music?");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".post-meta a", new() { HasText = "#2 by Kit Lee" })).ToBeVisibleAsync();
        await Assertions.Expect(sam.Locator(".user-content a[href='/members/kit']")).ToHaveTextAsync("@kit");

        await kit.GotoAsync(site.BaseUrl + "/notifications");
        await Assertions.Expect(kit.Locator(".notification-list")).ToContainTextAsync("Sam Jones mentioned you in");
        await kit.AssertAccessibleAsync("notifications");

        // A draft survives closing the tab.
        await kit.GotoAsync(threadUrl + "?page=1");
        await kit.GetByLabel("Your message").FillAsync("A thought I will finish later");
        await Assertions.Expect(kit.Locator("[data-draft-status]")).ToContainTextAsync("Draft saved", new() { Timeout = 10_000 });
        await kit.CloseAsync();
        var kitAgain = await kit.Context.NewPageAsync();
        var kitAgainCsp = kitAgain.WatchCspViolations();
        await kitAgain.GotoAsync(threadUrl + "?page=1");
        await Assertions.Expect(kitAgain.GetByLabel("Your message")).ToHaveValueAsync("A thought I will finish later");

        // Keyboard alone: reach the composer, write, post.
        await kitAgain.Locator("body").FocusAsync();
        await TabToAsync(kitAgain, "form[data-composer] textarea");
        await kitAgain.Keyboard.PressAsync("Control+A");
        await kitAgain.Keyboard.TypeAsync("Posted with the keyboard only.");
        await TabToAsync(kitAgain, "form[data-composer] button[type=submit]:text('Post reply')");
        await AssertFocusVisibleAsync(kitAgain);
        await kitAgain.Keyboard.PressAsync("Enter");
        await Assertions.Expect(kitAgain.Locator(".notice")).ToContainTextAsync("Your reply has been posted");
        await Assertions.Expect(kitAgain.Locator(".post-list")).ToContainTextAsync("Posted with the keyboard only.");

        await kitAgain.GotoAsync(site.BaseUrl + "/search?q=music");
        await Assertions.Expect(kitAgain.Locator(".snippet mark").First).ToHaveTextAsync("Music");
        await kitAgain.AssertAccessibleAsync("search results");
        await kitAgain.GotoAsync(site.BaseUrl + "/forum/bookmarks");
        await kitAgain.AssertAccessibleAsync("bookmarks");
        await kitAgain.GotoAsync(site.BaseUrl + "/forum/peer-support");
        await kitAgain.AssertAccessibleAsync("category with threads");
        await kitAgain.AssertReflowsAt320Async();

        // The unsubscribe link from the mention mail, opened signed out (as from a mail app), confirmed by keyboard.
        var unsubscribeLink = await site.WaitForLinkAsync("kit@example.org", "mentioned you in", "/unsubscribe/");
        var (reader, readerCsp) = await NewPageAsync(browser);
        await reader.GotoAsync(unsubscribeLink);
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stop these emails");
        await reader.AssertAccessibleAsync("unsubscribe confirmation");
        await reader.Locator("body").FocusAsync();
        await TabToAsync(reader, "main form button[type=submit]");
        await AssertFocusVisibleAsync(reader);
        await reader.Keyboard.PressAsync("Enter");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are unsubscribed");
        await Assertions.Expect(reader.Locator(".notice[role=status]")).ToContainTextAsync("We will not send you");
        await reader.AssertAccessibleAsync("unsubscribed");

        Assert.That(adminCsp.Concat(samCsp).Concat(kitCsp).Concat(kitAgainCsp).Concat(readerCsp), Is.Empty, "CSP violations");
    }

    internal static async Task SetUpAdminAsync(IPage admin, LiveSite site)
    {
        await admin.GotoAsync(await site.SetupLinkAsync());
        await admin.GetByLabel("Your name").FillAsync("Alex Admin");
        await admin.GetByLabel("Handle").FillAsync("alex");
        await admin.GetByLabel("Email address").FillAsync("alex@example.org");
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create administrator account" }).ClickAsync();
        var key = (await admin.Locator("#authenticator-key").TextContentAsync())!;
        await admin.GetByLabel("Enter the 6-digit code your app shows").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".secret-list code")).ToHaveCountAsync(10);
    }

    internal static async Task InviteAndRegisterAsync(IPage admin, IPage member, LiveSite site, string email, string handle, string name, string? role = null)
    {
        await admin.GotoAsync(site.BaseUrl + "/admin");
        await admin.GetByLabel("Their email address").FillAsync(email);
        if (role is not null)
        {
            await admin.Locator("#Input_Role").SelectOptionAsync(role);
        }
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Invitation sent to " + email);
        await member.GotoAsync(await site.WaitForLinkAsync(email, "invited"));
        await member.GetByLabel("Your name").FillAsync(name);
        await member.GetByLabel("Handle").FillAsync(handle);
        await member.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await member.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        // The invitation proved the address: signed in at once, and welcomed.
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {name}");
        await member.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(member.GetByText($"Welcome back, {name}.")).ToBeVisibleAsync();
    }

    internal static async Task<(IPage Page, List<string> Csp)> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        return (page, page.WatchCspViolations());
    }

    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var presses = 0; presses < 120; presses++)
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
