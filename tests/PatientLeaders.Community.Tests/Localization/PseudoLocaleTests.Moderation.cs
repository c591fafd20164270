using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum.Moderation;

namespace PatientLeaders.Community.Tests.Localization;

public sealed partial class PseudoLocaleTests
{
    /// <summary>
    /// The forum's moderation pages (the queue, the log, reporting a post, suspending a member, moving and splitting a
    /// thread) and its category admin, empty, with data and re-rendered with validation errors.
    /// </summary>
    [Test]
    public async Task ModerationPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync();
        var admin = await app.SetUpAdminAsync();

        // People's names and handles, the categories, threads and posts they made, what they typed in reports and
        // moderation notes, the categories' addresses and the time zones are data, not the site's words.
        string[] typed = ["Alex Admin", "@admin", "Member sam", "@sam", "Member kit", "@kit", "Introductions", "Facilitators", "About Introductions",
            "About Facilitators", "Hello there", "First post", "Second post", "Third post", "Worried words", "Hide words", "Resolve words", "Split words",
            "Break words", "/forum/introductions", "/forum/facilitators", "UTC", "Europe/London"];

        // The log's reason column is the audit record as written: the moderators' own words, or the site's note of
        // what moved where ("From Introductions to Facilitators"), kept as it was recorded.
        async Task<string[]> OwnAsync()
        {
            await using var connection = await app.Database.OpenAsync();
            var reasons = await connection.QueryAsync<string>("SELECT Reason FROM ModerationActions");
            return [.. typed, .. reasons.Where(r => !string.IsNullOrWhiteSpace(r))];
        }

        async Task CheckAsync(HttpResponseMessage response, string what)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), what);
            AssertAllPseudo(await Forms.ParseAsync(response), "main", what, await OwnAsync());
        }

        async Task CheckPageAsync(HttpClient browser, string url) => await CheckAsync(await browser.GetAsync(url), url);

        // A page reached after an action shows its status message once: read it there, so it never lands on a page checked here.
        async Task FollowAsync(HttpClient browser, HttpResponseMessage response, string what)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(302), what);
            await browser.GetAsync(response.Headers.Location!.OriginalString);
        }

        // Empty: no categories, no reports, no moderation actions (any status message from setting up is read first).
        await admin.GetAsync("/forum/latest");
        foreach (var url in new[] { "/forum/admin/categories", "/forum/admin/categories/edit", "/forum/moderation", "/forum/moderation/log" })
        {
            await CheckPageAsync(admin, url);
        }

        await admin.CreateCategoryAsync("Introductions");
        await admin.CreateCategoryAsync("Facilitators", role: PatientLeaders.Community.Web.Features.Accounts.Roles.Facilitator);
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var kit = await app.InviteMemberAsync(admin, "kit@example.org", "kit");
        var thread = await sam.StartThreadAsync("introductions", "Hello there", "First post");
        var reply = await kit.ReplyAsync(thread, "Second post");
        var third = await sam.ReplyAsync(thread, "Third post");
        var opening = await app.OpeningPostIdAsync(thread);
        var threadUrl = $"/forum/t/{thread}/hello-there?page=1";
        foreach (var browser in new[] { admin, sam, kit })
        {
            // Any status message left by setting up (invitations, new posts) is read here, on a page not checked.
            await browser.GetAsync("/forum/latest");
        }

        // The category admin, with categories, and its form with each kind of error.
        var introductions = await app.ScalarAsync<long>("SELECT Id FROM ForumCategories WHERE Slug = 'introductions'");
        await CheckPageAsync(admin, "/forum/admin/categories");
        await CheckPageAsync(admin, $"/forum/admin/categories/edit/{introductions}");
        await CheckAsync(await admin.SubmitAsync("/forum/admin/categories/edit",
            new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Icon"] = "", ["Input.Colour"] = "" }), "category form, empty");
        await CheckAsync(await admin.SubmitAsync("/forum/admin/categories/edit",
            new Dictionary<string, string> { ["Input.Name"] = "Bookmarks", ["Input.IsPublic"] = "true", ["Input.Roles"] = "Mentor" }), "category form, reserved and both");
        await CheckAsync(await admin.SubmitAsync("/forum/admin/categories/edit",
            new Dictionary<string, string> { ["Input.Name"] = "Introductions" }), "category form, address taken");

        // Reporting a post: the form, the form with its error, and the thanks (with where to find help, and without).
        var flagUrl = $"/forum/p/{opening}/flag";
        await CheckPageAsync(kit, flagUrl);
        await CheckAsync(await kit.SubmitAsync(flagUrl, new Dictionary<string, string>()), "report, no reason");
        await CheckAsync(await kit.SubmitAsync(flagUrl, new Dictionary<string, string> { ["Input.Reason"] = "Worried", ["Input.Note"] = "Worried words" }),
            "report, worried");
        await CheckAsync(await sam.SubmitAsync($"/forum/p/{reply}/flag", new Dictionary<string, string> { ["Input.Reason"] = "Unkind" }), "report, unkind");

        // The queue: a worried report and a report of a hidden post, with recent actions; a handle nobody has.
        await FollowAsync(admin, await admin.SubmitAsync(threadUrl, new Dictionary<string, string> { ["reason"] = "Hide words" }, $"#post-{reply} form[action*=Hide]"), "hide");
        await FollowAsync(admin, await admin.SubmitAsync(threadUrl, new Dictionary<string, string>(), "form[action*=Pin]"), "pin");
        await CheckPageAsync(admin, "/forum/moderation");
        await CheckPageAsync(admin, "/forum/moderation?handler=Member&handle=nobody");
        await FollowAsync(admin, await admin.SubmitAsync("/forum/moderation", new Dictionary<string, string> { ["resolution"] = "Resolve words" }, "form[action*=Resolve]"),
            "resolve");
        await CheckPageAsync(admin, "/forum/moderation");

        // Splitting: the choice of replies, the form with its errors, then a split.
        var splitUrl = $"/forum/t/{thread}/split";
        await CheckPageAsync(admin, splitUrl);
        await CheckAsync(await admin.SubmitAsync(splitUrl, new Dictionary<string, string>()), "split, nothing chosen");
        await FollowAsync(admin, await admin.SubmitAsync(splitUrl, new Dictionary<string, string>
        {
            ["Input.PostIds"] = third.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Title"] = "Split words", ["Input.Confirm"] = "true",
        }), "split");

        // Moving: the form, the form with its errors, then a move to a category only facilitators see.
        var moveUrl = $"/forum/t/{thread}/move";
        await CheckPageAsync(admin, moveUrl);
        await CheckAsync(await admin.SubmitAsync(moveUrl, new Dictionary<string, string>()), "move, nothing chosen");
        await FollowAsync(admin, await admin.SubmitAsync(moveUrl, new Dictionary<string, string> { ["Input.Category"] = "facilitators", ["Input.Confirm"] = "true" }),
            "move");

        // Suspending: the form, the form with its errors, the suspended member, someone who cannot be suspended here, and the end of it.
        var kitUrl = "/forum/moderation/members/kit";
        await CheckPageAsync(admin, kitUrl);
        await CheckAsync(await admin.SubmitAsync(kitUrl, new Dictionary<string, string> { ["Input.Message"] = "" }, "form[action*=Suspend]"), "suspend, no message");
        await FollowAsync(admin, await admin.SubmitAsync(kitUrl,
            new Dictionary<string, string> { ["Input.Days"] = "3", ["Input.Message"] = "Break words", ["Input.Confirm"] = "true" }, "form[action*=Suspend]"), "suspend");
        await CheckPageAsync(admin, kitUrl);
        await CheckPageAsync(admin, "/forum/moderation/members/admin");
        await FollowAsync(admin, await admin.SubmitAsync(kitUrl, new Dictionary<string, string>(), "form[action*=Lift]"), "lift");
        await CheckPageAsync(admin, kitUrl);

        // The log: enough actions for a second page, filtered, matching nothing, in a time zone, and with every kind of filter error.
        var adminId = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'admin'");
        await using (var connection = await app.Database.OpenAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            for (var i = 0; i < ModerationLogModel.PageSize; i++)
            {
                await ModerationStore.RecordAsync(connection, tx, new ModerationRecord(adminId, ModerationActionKinds.Pin, thread, null, null, ""),
                    DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(i), CancellationToken.None);
            }
            await tx.CommitAsync();
        }
        await CheckPageAsync(admin, "/forum/moderation");
        var first = await admin.GetAsync("/forum/moderation/log");
        Assert.That((int)first.StatusCode, Is.EqualTo(200), "/forum/moderation/log");
        var firstPage = await Forms.ParseAsync(first);
        AssertAllPseudo(firstPage, "main", "/forum/moderation/log", await OwnAsync());
        var older = firstPage.QuerySelector(".pagination a[rel=next]")?.GetAttribute("href");
        Assert.That(older, Is.Not.Null, "the log has a second page");
        await CheckPageAsync(admin, older!);
        foreach (var url in new[]
        {
            "/forum/moderation/log?Kind=Suspend", "/forum/moderation/log?Member=sam", $"/forum/moderation/log?Kind=Hide&Thread={thread}&tz=Europe%2FLondon",
            "/forum/moderation/log?Kind=Explode&Moderator=nobody&Member=%40ghost&Thread=abc&From=2030-02-30&To=yesterday",
            "/forum/moderation/log?From=2030-03-03&To=2030-03-01", "/forum/moderation/log?Category=abc",
        })
        {
            await CheckPageAsync(admin, url);
        }
    }
}
