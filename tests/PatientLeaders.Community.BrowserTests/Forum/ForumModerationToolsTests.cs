using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Forum;

/// <summary>
/// A reply to a reply → the nested view by keyboard → split replies into a new thread (errors first) → move a
/// thread → suspend the author with a message they see at sign-in. Axe and CSP on every page and state.
/// </summary>
[NonParallelizable]
public sealed class ForumModerationToolsTests
{
    [Test]
    public async Task NestedViewSplitMoveAndSuspend()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var site = await LiveSite.StartAsync();
        var (admin, adminCsp) = await ForumJourneyTests.NewPageAsync(browser);
        await ForumJourneyTests.SetUpAdminAsync(admin, site);
        foreach (var name in new[] { "Peer support", "Resources" })
        {
            await admin.GotoAsync(site.BaseUrl + "/forum/admin/categories/edit");
            await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Save category" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync(name);
        }
        var (sam, samCsp) = await ForumJourneyTests.NewPageAsync(browser);
        await ForumJourneyTests.InviteAndRegisterAsync(admin, sam, site, "sam@example.org", "sam", "Sam Jones");

        await admin.GotoAsync(site.BaseUrl + "/forum/new");
        await admin.GetByLabel("Category").SelectOptionAsync("peer-support");
        await admin.GetByLabel("Title").FillAsync("Pacing and energy");
        await admin.GetByLabel("Your message").FillAsync("How do you pace yourselves?");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        var threadUrl = admin.Url.Split('?')[0];
        await sam.GotoAsync(threadUrl);
        await sam.GetByLabel("Your message").FillAsync("Spoon theory works for me.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".notice")).ToContainTextAsync("Your reply has been posted");
        await admin.GotoAsync(threadUrl + "?page=1");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Reply to post 2" }).ClickAsync();
        await admin.GetByLabel("Your message").FillAsync("Tell us more about spoons.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await sam.GotoAsync(threadUrl + "?page=1");
        await sam.GetByRole(AriaRole.Link, new() { Name = "Reply to post 3" }).ClickAsync();
        await sam.GetByLabel("Your message").FillAsync("Each task costs a spoon.");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        // The nested view, chosen with the keyboard: posts 3 and 4 sit under post 2, "in reply to" kept.
        await sam.Locator("body").FocusAsync();
        await sam.TabToAsync(".view-switch a:not([aria-current])");
        await sam.AssertFocusVisibleAsync();
        await sam.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sam.Locator(".view-switch a[aria-current=page]")).ToHaveTextAsync("Nested: replies under the post they answer");
        await Assertions.Expect(sam.Locator("ol.post-list-nested > li")).ToHaveCountAsync(2);
        await Assertions.Expect(sam.Locator("ol.post-replies > li")).ToHaveCountAsync(2);
        await Assertions.Expect(sam.Locator("ol.post-replies .post-meta").Last).ToContainTextAsync("in reply to #3 by Alex Admin");
        await sam.AssertAccessibleAsync("thread, nested view");

        // Split posts 3 and 4 into a new thread: errors first, then by keyboard.
        await admin.GotoAsync(threadUrl + "?page=1");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Split replies into a new thread" }).ClickAsync();
        await admin.AssertAccessibleAsync("split form");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Split into a new thread" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(admin.Locator(".error-summary li")).ToHaveCountAsync(3);
        await admin.AssertAccessibleAsync("split form with errors");
        await admin.TabToAsync("input[name='Input.PostIds'] >> nth=1");
        await admin.Keyboard.PressAsync("Space");
        await admin.TabToAsync("#Input_AndEverythingAfter");
        await admin.Keyboard.PressAsync("Space");
        await admin.TabToAsync("#Input_Title");
        await admin.Keyboard.TypeAsync("All about spoons");
        await admin.TabToAsync("#Input_Confirm");
        await admin.Keyboard.PressAsync("Space");
        await admin.TabToAsync("button:text('Split into a new thread')");
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("All about spoons");
        await Assertions.Expect(admin.Locator("ol.post-list > li")).ToHaveCountAsync(2);
        await Assertions.Expect(admin.Locator(".post-meta").First).ToContainTextAsync("in reply to a post in another thread");
        await admin.AssertAccessibleAsync("the new thread after a split");

        // Move it to another category.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Move this thread to another category" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Move thread" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".error-summary")).ToBeFocusedAsync();
        await admin.AssertAccessibleAsync("move form with errors");
        await admin.GetByLabel("Move it to").SelectOptionAsync("resources");
        await admin.GetByLabel("Yes, move this thread").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Move thread" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("now in Resources");
        await Assertions.Expect(admin.Locator(".breadcrumbs")).ToContainTextAsync("Resources");

        // Suspend Sam from one of Sam's posts; Sam sees the message at sign-in.
        await admin.GotoAsync(threadUrl + "?page=1");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Suspend Sam Jones" }).ClickAsync();
        await admin.AssertAccessibleAsync("suspension form");
        await admin.GetByLabel("Message to the member").FillAsync("Let's take a short pause and talk next week.");
        await admin.GetByLabel("Yes, suspend Sam Jones and sign them out").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Suspend Sam Jones" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("is suspended until");
        await admin.GotoAsync(site.BaseUrl + "/forum/moderation");
        await Assertions.Expect(admin.Locator("table")).ToContainTextAsync("Let's take a short pause");
        await admin.AssertAccessibleAsync("moderation log with a suspension");

        // The full log, filtered by keyboard: an unknown handle first (the error summary, the value kept), then Alex's actions.
        await admin.GetByRole(AriaRole.Link, new() { Name = "See the full moderation log" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Moderation log");
        await admin.AssertAccessibleAsync("moderation log");
        await admin.Locator("body").FocusAsync();
        await admin.TabToAsync("#Moderator");
        await admin.AssertFocusVisibleAsync();
        await admin.Keyboard.TypeAsync("nobody");
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(admin.Locator("#Moderator")).ToHaveValueAsync("nobody");
        await admin.AssertAccessibleAsync("moderation log with an error");
        await admin.TabToAsync("#Moderator");
        await admin.Keyboard.PressAsync("Control+A");
        await admin.Keyboard.TypeAsync("alex");
        await admin.TabToAsync("form.log-filters button[type=submit]");
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.Locator("table.moderation-log tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(admin.Locator("table.moderation-log tbody tr").First).ToContainTextAsync("Suspended a member");
        Assert.That(admin.Url, Does.Contain("Moderator=alex").And.Contain("tz="), "the browser's time zone goes with the filters");
        await admin.AssertAccessibleAsync("moderation log filtered by moderator");

        await sam.GotoAsync(site.BaseUrl + "/account/login");
        await sam.GetByLabel("Email address").FillAsync("sam@example.org");
        await sam.GetByLabel("Password").FillAsync("a long and calm passphrase");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(sam.Locator(".error-summary")).ToContainTextAsync("Let's take a short pause and talk next week.");
        await sam.AssertAccessibleAsync("sign-in while suspended");

        Assert.That(adminCsp.Concat(samCsp), Is.Empty, "CSP violations");
    }
}
