using System.Net;
using Dapper;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class GuestAndCategoryTests
{
    [Test]
    public async Task Guests_ReadOnlyPublicCategories_AndAreAskedToSignInForEverythingElse()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Open to all", isPublic: true);
        var publicThread = await world.Sam.StartThreadAsync("open-to-all", "A public question", "Anyone can read this");
        var memberThread = await world.Sam.StartThreadAsync("general-chat", "Members only talk", "Members only");
        var memberPost = await world.App.OpeningPostIdAsync(memberThread);
        var guest = world.App.NewBrowser();

        var index = await guest.GetPageAsync("/forum");
        Assert.That(index.QuerySelectorAll(".category-card h2").Select(h => h.TextContent.Trim()), Is.EqualTo(new[] { "💬 Open to all" }));
        Assert.That(index.QuerySelector("a[href='/forum/new']"), Is.Null);
        var category = await guest.GetPageAsync("/forum/open-to-all");
        Assert.That(category.Text(".thread-list"), Does.Contain("A public question"));
        var thread = await guest.GetPageAsync($"/forum/t/{publicThread}/a-public-question");
        Assert.That(thread.Text(".post-list"), Does.Contain("Anyone can read this"));
        Assert.That(thread.QuerySelector("form[data-composer]"), Is.Null);
        Assert.That(thread.QuerySelectorAll(".post-list form"), Is.Empty, "no reaction or bookmark forms for guests");
        Assert.That(thread.QuerySelector(".post-list a[href^='/members/']"), Is.Null, "profiles are for members");

        // A members' page asks a visitor to sign in and come back, whether or not it exists, so nothing is given away.
        foreach (var hidden in new[] { "/forum/general-chat", $"/forum/t/{memberThread}/members-only-talk", $"/forum/p/{memberPost}", "/forum/no-such-category", "/forum/t/999999/x" })
        {
            var response = await guest.GetAsync(hidden);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found), hidden);
            Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/account/login?ReturnUrl=" + Uri.EscapeDataString(hidden)), hidden);
        }
        TestApp.AssertRedirect(await guest.GetAsync($"/forum/reply/{publicThread}"), "https://localhost/account/login");
        TestApp.AssertRedirect(await guest.GetAsync("/forum/new"), "https://localhost/account/login");
    }

    /// <summary>
    /// The categories are held in memory. This server's own writes show at once (a new thread's count, a moved
    /// thread); a change written by another server (here, straight into the database) shows once the held copy is
    /// given up, as it is after <see cref="CategoryStore.CacheLifetime"/>.
    /// </summary>
    [Test]
    public async Task CategoriesHeldInMemory_ShowThisServersChangesAtOnce_AndAnotherServersOnceReread()
    {
        await using var world = await ForumWorld.CreateAsync();
        string Count(AngleSharp.Dom.IDocument index) =>
            index.QuerySelectorAll(".category-card").Single(c => c.TextContent.Contains("General chat")).TextContent;
        Assert.That(Count(await world.Kit.GetPageAsync("/forum")), Does.Contain("0 threads"));

        await world.Sam.StartThreadAsync("general-chat", "Counted at once", "Body");
        Assert.That(Count(await world.Kit.GetPageAsync("/forum")), Does.Contain("1 thread"));

        await using (var connection = await world.App.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE ForumCategories SET Name = 'Renamed elsewhere' WHERE Slug = 'general-chat'");
        }
        Assert.That((await world.Kit.GetPageAsync("/forum")).Text("main"), Does.Not.Contain("Renamed elsewhere"), "held in memory");
        world.App.Service<CategoryStore>().Changed();
        Assert.That((await world.Kit.GetPageAsync("/forum")).Text("main"), Does.Contain("Renamed elsewhere"));
    }

    [Test]
    public async Task NoCategoryIsPublicByDefault()
    {
        await using var world = await ForumWorld.CreateAsync();
        var index = await world.App.NewBrowser().GetPageAsync("/forum");
        Assert.That(index.QuerySelectorAll(".category-card"), Is.Empty);
        Assert.That(index.Text("main"), Does.Contain("Sign in"));
    }

    [Test]
    public async Task WrongSlug_RedirectsToTheCanonicalAddress()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Right name", "Body");
        var response = await world.Kit.GetAsync($"/forum/t/{threadId}/wrong-name?page=1");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(response.Headers.Location!.OriginalString, Does.EndWith($"/forum/t/{threadId}/right-name"));
    }

    [Test]
    public async Task Admin_ReordersWithButtons_AndReservedOrTakenSlugsAreRefused()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Second");
        var list = await world.Admin.GetPageAsync("/forum/admin/categories");
        var move = await world.Admin.SubmitAsync(list, "/forum/admin/categories", new Dictionary<string, string>(), "form[action*=Move]:has(input[name=direction][value='-1'])");
        TestApp.AssertRedirect(move, "/forum/admin/categories");
        var index = await world.Kit.GetPageAsync("/forum");
        Assert.That(index.QuerySelectorAll(".category-card h2").Select(h => h.TextContent.Trim()[2..].Trim()), Is.EqualTo(new[] { "Second", "General chat" }));

        var empty = await world.Admin.SubmitAsync("/forum/admin/categories/edit", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Icon"] = "", ["Input.Colour"] = "" });
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Forms.ParseAsync(empty)).ErrorSummary(), Has.Some.EqualTo("Enter a name").And.Some.Contains("icon"));

        var reserved = await Forms.ParseAsync(await world.Admin.SubmitAsync("/forum/admin/categories/edit", new Dictionary<string, string> { ["Input.Name"] = "Bookmarks" }));
        Assert.That(reserved.ErrorSummary(), Has.Some.Contains("used by the forum itself"));
        var taken = await Forms.ParseAsync(await world.Admin.SubmitAsync("/forum/admin/categories/edit", new Dictionary<string, string> { ["Input.Name"] = "General chat" }));
        Assert.That(taken.ErrorSummary(), Has.Some.Contains("already uses the web address"));
        var both = await Forms.ParseAsync(await world.Admin.SubmitAsync("/forum/admin/categories/edit",
            new Dictionary<string, string> { ["Input.Name"] = "Mixed", ["Input.IsPublic"] = "true", ["Input.Roles"] = "Mentor" }));
        Assert.That(both.ErrorSummary(), Has.Some.Contains("cannot also be public"));
        Assert.That((await world.Kit.GetAsync("/forum/admin/categories/edit")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task MemberWithPosts_CanDeleteTheirAccount_AndPostsStayAsFormerMember()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Kit.StartThreadAsync("general-chat", "Kit's thread", "Kit's words @sam");
        await world.Sam.ReplyAsync(threadId, "Reply to @kit");
        await world.Kit.ClickAsync($"/forum/t/{threadId}/kit-s-thread?page=1", "button.reaction[value=Helpful]");
        var deleted = await world.Kit.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = Journeys.Password, ["Input.Posts"] = "Keep" });
        TestApp.AssertRedirect(deleted, "/");
        var after = await world.Sam.GetPageAsync($"/forum/t/{threadId}/kit-s-thread?page=1");
        Assert.That(after.Text(".post-opening .post-author"), Does.StartWith("Former member"));
        Assert.That(after.Text(".post-opening .user-content"), Does.Contain("Kit's words"));
    }

    [Test]
    public async Task RemovingPosts_OnErasure_LeavesDeletedPlaceholdersAndNoSearchText()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Sam's thread", "Opening");
        await world.Kit.ReplyAsync(threadId, "numbatcanary words");
        var deleted = await world.Kit.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = Journeys.Password, ["Input.Posts"] = "Remove" });
        TestApp.AssertRedirect(deleted, "/");
        var after = await world.Sam.GetPageAsync($"/forum/t/{threadId}/sam-s-thread?page=1");
        Assert.That(after.Text(".post-list"), Does.Contain("This post was deleted.").And.Not.Contain("numbatcanary"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Posts WHERE Body LIKE '%numbatcanary%'"), Is.Zero);
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM PostSearchText WHERE Body LIKE '%numbatcanary%'"), Is.Zero);
    }
}
