using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Email;
using PatientLeaders.Community.Web.Features.Forum.Saved;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>
/// The forum's tools around a thread: search (empty, with results, a second page, nothing found, a refused query), the
/// page links of a long thread, editing a post (with its errors and preview) and its earlier versions, quoting, the
/// members you ignore, bookmarks, drafts, a new member's first-day pauses, unsubscribing from the forum's mail in
/// every state, and the message shown after each action on a post, a thread or a category.
/// </summary>
public sealed partial class PseudoLocaleTests
{
    [Test]
    public async Task ForumToolsPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync(overrides: new Dictionary<string, string?>
            {
                ["RateLimits:ForumPostsPerTenMinutes"] = "1000",
                // A new member's first day is limited here (3 threads, 10 replies, 30 seconds apart); the admin is exempt.
                ["ForumNewMembers:FirstDayHours"] = "24",
            });
        var admin = await app.SetUpAdminAsync();
        await admin.CreateCategoryAsync("Introductions");
        var kit = await app.InviteMemberAsync(admin, "kit@example.org", "kit");
        var adminId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'admin'");
        var kitId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'kit'");

        // One thread long enough for three pages and for two pages of search results (57 posts with "zebra").
        var thread = await admin.StartThreadAsync("introductions", "Hello there", "Zebra");
        var threadUrl = $"/forum/t/{thread}/hello-there";
        var firstPost = await app.OpeningPostIdAsync(thread);
        var adminReply = await admin.ReplyAsync(thread, "Zebra Quokka");
        var writer = app.Service<PostWriter>();
        var threads = app.Service<ThreadStore>();
        var category = (await app.Service<CategoryStore>().AllAsync(CancellationToken.None)).Single(c => c.Slug == "introductions");
        for (var i = 0; i < 55; i++)
        {
            await writer.ReplyAsync(category, (await threads.FindAsync(thread, CancellationToken.None))!, adminId,
                new NewReply(null, $"Zebra {i}", ""), CancellationToken.None);
        }

        // The members' own words, names, handles and initials are theirs, not the site's.
        string[] own = ["Introductions", "About Introductions", "Hello there", "Zebra", "Quokka", "Alex Admin", "@admin", "AA", "Member kit", "@kit", "MK",
            "Kit first words", "Kit second words", "Kit fourth title", "Kit fourth words", "Kit cap words", "Kit note", "Kit thread", "Off topic"];

        async Task PageAsync(HttpClient browser, string url, string selector = "main")
        {
            var response = await browser.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
            AssertAllPseudo(await Forms.ParseAsync(response), selector, url, own);
        }

        async Task ShownAsync(HttpResponseMessage response, string what)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), what);
            AssertAllPseudo(await Forms.ParseAsync(response), "main", what, own);
        }

        // An action's redirect, then the message the next page shows about it.
        async Task StatusAfterAsync(HttpClient browser, HttpResponseMessage response, string what)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(302), what);
            // A thread's address without ?page= leads on, by one more redirect, to the reader's first unread post.
            var next = await browser.GetAsync(response.Headers.Location!.OriginalString.Split('#')[0]);
            if ((int)next.StatusCode == 302)
            {
                next = await browser.GetAsync(next.Headers.Location!.OriginalString.Split('#')[0]);
            }
            Assert.That((int)next.StatusCode, Is.EqualTo(200), what);
            var after = await Forms.ParseAsync(next);
            Assert.That(after.QuerySelector("main > .notice[role=status]"), Is.Not.Null, what + ": no message shown");
            AssertAllPseudo(after, "main > .notice[role=status]", what, own);
        }

        async Task<string> PageHoldingAsync(long postId)
        {
            var permalink = await admin.GetAsync($"/forum/p/{postId}");
            Assert.That((int)permalink.StatusCode, Is.EqualTo(302), $"post {postId}");
            // Page 1's address has no ?page=, and without one a thread opens at the reader's first unread post.
            var page = permalink.Headers.Location!.OriginalString.Split('#')[0];
            return page.Contains("?page=", StringComparison.Ordinal) ? page : page + "?page=1";
        }

        // Search: the empty form, results with a next page, the page after it, nothing found, a query too long.
        await PageAsync(admin, "/search");
        var results = await admin.GetPageAsync("/search?q=zebra");
        AssertAllPseudo(results, "main", "search results", own);
        var secondPage = results.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.That(secondPage, Is.Not.Null, "a second page of results");
        await PageAsync(admin, secondPage!);
        await PageAsync(admin, "/search?q=nothingmatchesthisword");
        await PageAsync(admin, "/search?q=" + new string('a', 201));

        // A long thread's page links (previous, numbers, next), and the whole page around them.
        await PageAsync(admin, threadUrl + "?page=2", "nav.pagination");
        await PageAsync(admin, threadUrl + "?page=2");

        // Quoting a post: the quote's heading is the site's words, in the reader's language.
        await PageAsync(admin, $"/forum/reply/{thread}?to={firstPost}&quote=true");

        // A new member's first day: a second reply too soon, a fourth thread, an eleventh reply. Each keeps the text.
        await PageAsync(kit, "/forum/drafts");
        var kitPost = await kit.ReplyAsync(thread, "Kit first words");
        await ShownAsync(await kit.SubmitAsync($"/forum/reply/{thread}", new Dictionary<string, string> { ["Input.Body"] = "Kit second words" }),
            "a reply too soon after the last");
        for (var i = 0; i < 3; i++)
        {
            await writer.StartThreadAsync(category, kitId, new NewThread($"Kit thread {i}", "Kit note", "", []), CancellationToken.None);
        }
        await ShownAsync(await kit.SubmitAsync("/forum/new", new Dictionary<string, string>
        {
            ["Input.Category"] = "introductions", ["Input.Title"] = "Kit fourth title", ["Input.Body"] = "Kit fourth words",
        }), "a fourth thread on the first day");
        await PageAsync(kit, "/forum/drafts");
        for (var i = 0; i < 9; i++)
        {
            await writer.ReplyAsync(category, (await threads.FindAsync(thread, CancellationToken.None))!, kitId,
                new NewReply(null, $"Kit note {i}", ""), CancellationToken.None);
        }
        await ShownAsync(await kit.SubmitAsync($"/forum/reply/{thread}", new Dictionary<string, string> { ["Input.Body"] = "Kit cap words" }),
            "an eleventh reply on the first day");

        // A draft new thread without a title.
        await app.Service<DraftStore>().SaveAsync(adminId, new DraftView { DraftKey = DraftKeys.NewThread, Body = "Zebra" }, CancellationToken.None);
        await PageAsync(admin, "/forum/drafts");

        // Editing the opening post: the form, its errors, its preview; an untouched post's versions, then an edited one's.
        var edit = $"/forum/p/{firstPost}/edit";
        await PageAsync(admin, edit);
        await ShownAsync(await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Body"] = "" }), "editing, with errors");
        await ShownAsync(await admin.ClickAsync(edit, "button[data-preview-button]"), "editing, with a preview");
        await PageAsync(admin, $"/forum/p/{adminReply}/revisions");
        await StatusAfterAsync(admin, await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Body"] = "Zebra Quokka Zebra" }), "an edit saved");
        await PageAsync(admin, $"/forum/p/{firstPost}/revisions");

        // Members you ignore: none, ignoring from a post and stopping, ignoring again, the list, stopping from the list.
        await PageAsync(admin, "/forum/ignored");
        var kitPage = await PageHoldingAsync(kitPost);
        var ignore = $"button[formaction^='/forum/p/{kitPost}?handler=Ignore']";
        await StatusAfterAsync(admin, await admin.ClickAsync(kitPage, ignore), "ignoring a member");
        await StatusAfterAsync(admin, await admin.ClickAsync(kitPage, ignore), "no longer ignoring a member");
        await admin.ClickAsync(kitPage, ignore);
        await PageAsync(admin, "/forum/ignored");
        await StatusAfterAsync(admin, await admin.ClickAsync("/forum/ignored", "form[action*='handler=Stop'] button"), "no longer ignoring, from the list");

        // Bookmarks: none, bookmarking a post, the list, taking the bookmark away.
        await PageAsync(admin, "/forum/bookmarks");
        var firstPage = await PageHoldingAsync(firstPost);
        var bookmark = $"button[formaction^='/forum/p/{firstPost}?handler=Bookmark']";
        await StatusAfterAsync(admin, await admin.ClickAsync(firstPage, bookmark), "a bookmark added");
        await PageAsync(admin, "/forum/bookmarks");
        await StatusAfterAsync(admin, await admin.ClickAsync(firstPage, bookmark), "a bookmark taken away");

        // Following, muting, pinning and locking the thread; following the category. (Without ?page= a thread opens at
        // the reader's first unread post, by a redirect.)
        foreach (var level in new[] { "Muted", "Following", "None" })
        {
            await StatusAfterAsync(admin, await admin.SubmitAsync(threadUrl + "?page=1", new Dictionary<string, string> { ["level"] = level }, "form[action$='handler=Subscribe']"),
                "thread subscription " + level);
        }
        foreach (var state in new[] { "true", "false" })
        {
            await StatusAfterAsync(admin, await admin.SubmitAsync(threadUrl + "?page=1", new Dictionary<string, string> { ["pinned"] = state }, "form[action$='handler=Pin']"), "pinned " + state);
            await StatusAfterAsync(admin, await admin.SubmitAsync(threadUrl + "?page=1", new Dictionary<string, string> { ["locked"] = state }, "form[action$='handler=Lock']"), "locked " + state);
            await StatusAfterAsync(admin, await admin.SubmitAsync("/forum/introductions", new Dictionary<string, string> { ["follow"] = state }, "form[action$='handler=Follow']"),
                "following the category " + state);
        }

        // Hiding a post (without a reason, then with one), showing it again, deleting one's own post.
        var replyPage = await PageHoldingAsync(adminReply);
        var hide = $"form[action^='/forum/p/{adminReply}?handler=Hide']";
        await StatusAfterAsync(admin, await admin.SubmitAsync(replyPage, new Dictionary<string, string> { ["reason"] = "" }, hide), "hiding without a reason");
        await StatusAfterAsync(admin, await admin.SubmitAsync(replyPage, new Dictionary<string, string> { ["reason"] = "Off topic" }, hide), "hiding a post");
        await StatusAfterAsync(admin, await admin.ClickAsync(replyPage, $"button[formaction^='/forum/p/{adminReply}?handler=Restore']"),
            "showing a post again");
        await StatusAfterAsync(admin, await admin.ClickAsync(replyPage, $"button[formaction^='/forum/p/{adminReply}?handler=Delete']"),
            "deleting a post");

        // Unsubscribing, signed out: mail at once (asked, done, already off) and the digest (already off, asked, done).
        var tokens = app.Service<UnsubscribeTokens>();
        var atOnce = "/unsubscribe/" + tokens.For(kitId, MailingLists.Immediate);
        var digest = "/unsubscribe/" + tokens.For(kitId, MailingLists.Digest);
        var mailClient = app.NewBrowser();
        FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { [UnsubscribeModel.OneClickField] = UnsubscribeModel.OneClickValue });
        await PageAsync(mailClient, atOnce);
        await PageAsync(mailClient, digest);
        await ShownAsync(await mailClient.PostAsync(atOnce, OneClick()), "unsubscribed from mail at once");
        await PageAsync(mailClient, atOnce);
        TestApp.AssertRedirect(await kit.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.DigestFrequency"] = "Weekly" }), "/account/settings");
        await PageAsync(mailClient, digest);
        await ShownAsync(await mailClient.PostAsync(digest, OneClick()), "unsubscribed from the digest");
    }
}
