using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class ModerationToolsTests
{
    [Test]
    public async Task Move_CarriesCountsListsAndSearch_KeepsTheAddress_AndIsAudited()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Facilitators", role: Roles.Facilitator);
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Planning the away day", "The word is wombatmove");
        var url = $"/forum/t/{threadId}/planning-the-away-day";
        Assert.That((await world.Kit.GetPageAsync("/search?q=wombatmove")).QuerySelectorAll(".search-results > li"), Has.Length.EqualTo(1));

        Assert.That((await world.Kit.GetAsync($"/forum/t/{threadId}/move")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        var refused = await Forms.ParseAsync(await world.Admin.SubmitAsync($"/forum/t/{threadId}/move", new Dictionary<string, string>()));
        Assert.That(refused.ErrorSummary(), Is.EquivalentTo(new[] { "Choose the category to move the thread to", "Confirm that you want to move this thread" }));

        var moved = await world.Admin.SubmitAsync($"/forum/t/{threadId}/move",
            new Dictionary<string, string> { ["Input.Category"] = "facilitators", ["Input.Confirm"] = "true" });
        TestApp.AssertRedirect(moved, url);
        Assert.That(await world.App.ScalarAsync<long>("SELECT ThreadCount FROM ForumCategories WHERE Slug = 'general-chat'"), Is.Zero);
        Assert.That(await world.App.ScalarAsync<long>("SELECT ThreadCount FROM ForumCategories WHERE Slug = 'facilitators'"), Is.EqualTo(1));
        Assert.That((await world.Admin.GetPageAsync("/forum/facilitators")).Text("main"), Does.Contain("Planning the away day"));
        Assert.That((await world.Admin.GetPageAsync("/forum/general-chat")).Text("main"), Does.Not.Contain("Planning the away day"));
        Assert.That((await world.Admin.GetPageAsync(url + "?page=1")).Text(".breadcrumbs"), Does.Contain("Facilitators"));
        Assert.That((await world.Kit.GetAsync(url + "?page=1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the old address follows the new category's rules");
        Assert.That((await world.Kit.GetPageAsync("/search?q=wombatmove")).QuerySelectorAll(".search-results > li"), Is.Empty);
        Assert.That((await world.Admin.GetPageAsync("/forum/moderation")).Text("table"), Does.Contain("Move").And.Contain("From General chat to Facilitators"));
    }

    [Test]
    public async Task Move_KeepsTheThreadsPlaceByLastActivity_PinnedStillFirst_AndANewReplyStillBumpsIt()
    {
        var clock = new FakeClock(FakeClock.DefaultStart);
        await using var world = await ForumWorld.CreateAsync(clock: clock);
        await world.Admin.CreateCategoryAsync("Facilitators", slug: "facilitators");
        async Task<long> StartAsync(string category, string title)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return await world.Sam.StartThreadAsync(category, title, "Opening words");
        }
        var pinned = await StartAsync("facilitators", "Pinned welcome");
        await StartAsync("facilitators", "Oldest here");
        var moving = await StartAsync("general-chat", "Moving thread");
        await StartAsync("facilitators", "Newest here");
        await StartAsync("general-chat", "Stays behind");
        TestApp.AssertRedirect(await world.Admin.SubmitAsync($"/forum/t/{pinned}/pinned-welcome?page=1", new Dictionary<string, string>(), "form[action*=Pin]"),
            $"/forum/t/{pinned}");
        async Task<IReadOnlyList<string>> TitlesAsync() =>
            (await world.Admin.GetPageAsync("/forum/facilitators")).QuerySelectorAll(".thread-title a").Select(a => a.TextContent.Trim()).ToList();

        clock.Advance(TimeSpan.FromMinutes(1));
        TestApp.AssertRedirect(await world.Admin.SubmitAsync($"/forum/t/{moving}/move",
            new Dictionary<string, string> { ["Input.Category"] = "facilitators", ["Input.Confirm"] = "true" }), $"/forum/t/{moving}/moving-thread");

        Assert.That(await TitlesAsync(), Is.EqualTo(new[] { "Pinned welcome", "Newest here", "Moving thread", "Oldest here" }),
            "a move is not activity: the thread sits where its last post puts it");
        clock.Advance(TimeSpan.FromMinutes(1));
        await world.Kit.ReplyAsync(moving, "A new reply after the move");
        Assert.That(await TitlesAsync(), Is.EqualTo(new[] { "Pinned welcome", "Moving thread", "Newest here", "Oldest here" }), "a new post still bumps it");
    }

    [Test]
    public async Task Split_RenumbersBothThreads_KeepsReadingPlacesRepliesAndSearch_AndIsAudited()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Everything at once", "Opening");
        var apple = await world.Kit.ReplyAsync(threadId, "apple");
        var banana = await world.Sam.ReplyAsync(threadId, "banana", to: apple);
        var cherry = await world.Kit.ReplyAsync(threadId, "cherry");
        var damson = await world.Sam.ReplyAsync(threadId, "damson", to: banana);
        var elder = await world.Kit.ReplyAsync(threadId, "elder", to: cherry);
        await world.Kit.GetPageAsync($"/forum/t/{threadId}/everything-at-once?page=1");
        var kitId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'kit'");

        Assert.That((await world.Kit.GetAsync($"/forum/t/{threadId}/split")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        var form = await world.Admin.GetPageAsync($"/forum/t/{threadId}/split");
        Assert.That(form.QuerySelectorAll("input[name='Input.PostIds']").Select(i => i.GetAttribute("value")),
            Is.EqualTo(new[] { apple, banana, cherry, damson, elder }.Select(id => id.ToString())), "the opening post is never offered");
        var invalid = await Forms.ParseAsync(await PostAsync(world.Admin, form, $"/forum/t/{threadId}/split", [new("Input.PostIds", banana.ToString())]));
        Assert.That(invalid.ErrorSummary(), Is.EqualTo(new[] { "Enter a title for the new thread", "Confirm that you want to split these posts into a new thread" }));
        Assert.That(invalid.QuerySelector($"input[value='{banana}']")!.HasAttribute("checked"), Is.True, "the choice is kept");

        var split = await PostAsync(world.Admin, form, $"/forum/t/{threadId}/split",
            [new("Input.PostIds", banana.ToString()), new("Input.PostIds", damson.ToString()), new("Input.Title", "Fruit talk"), new("Input.Confirm", "true")]);
        TestApp.AssertRedirect(split, "/forum/t/");
        var newThreadId = ForumJourneys.ThreadId(split.Headers.Location!.OriginalString);

        Assert.That(await Numbers(world, threadId), Is.EqualTo(new[] { "1", "2:apple", "3:cherry", "4:elder" }));
        Assert.That(await Numbers(world, newThreadId), Is.EqualTo(new[] { "1:banana", "2:damson" }));
        Assert.That(await world.App.ScalarAsync<long>("SELECT ReplyCount FROM Threads WHERE Id = @Id", new { Id = threadId }), Is.EqualTo(3));
        Assert.That(await world.App.ScalarAsync<long>("SELECT LastPostNumber FROM Threads WHERE Id = @Id", new { Id = newThreadId }), Is.EqualTo(2));
        Assert.That(await world.App.ScalarAsync<long>("SELECT LastReadNumber FROM ThreadReads WHERE MemberId = @M AND ThreadId = @T", new { M = kitId, T = threadId }), Is.EqualTo(4));
        Assert.That(await world.App.ScalarAsync<long>("SELECT LastReadNumber FROM ThreadReads WHERE MemberId = @M AND ThreadId = @T", new { M = kitId, T = newThreadId }), Is.EqualTo(2));

        var original = await world.Sam.GetPageAsync($"/forum/t/{threadId}/everything-at-once?page=1");
        Assert.That(original.QuerySelector($"#post-{elder} .post-meta")!.TextContent, Does.Contain("in reply to #3 by Member kit"));
        var fruit = await world.Sam.GetPageAsync($"/forum/t/{newThreadId}/fruit-talk?view=nested&page=1");
        Assert.That(fruit.Text("h1"), Is.EqualTo("Fruit talk"));
        Assert.That(fruit.QuerySelector($"#post-{banana} .post-meta a[href='/forum/p/{apple}']")!.TextContent, Is.EqualTo("a post in another thread"));
        Assert.That(fruit.QuerySelectorAll("ol.post-list-nested > li > article").Select(x => x.Id), Is.EqualTo(new[] { $"post-{banana}", $"post-{damson}" }),
            "damson answers banana, now the opening post: like any answer to an opening post it is top-level");
        Assert.That(await world.App.ScalarAsync<long>("SELECT Branch FROM Posts WHERE Id = @Id", new { Id = damson }), Is.EqualTo(2));
        var search = await world.Kit.GetPageAsync("/search?q=fruit");
        Assert.That(search.QuerySelectorAll(".search-results h3 a").Select(a => a.GetAttribute("href")), Is.EqualTo(new[] { $"/forum/t/{newThreadId}/fruit-talk?page=1#post-{banana}" }));
        Assert.That((await world.Admin.GetPageAsync("/forum/moderation")).Text("table"), Does.Contain("Split").And.Contain("Posts #3, #5 moved to a new thread"));

        // A post and every reply after it, into another category.
        await world.Admin.CreateCategoryAsync("Resources");
        var again = await world.Admin.GetPageAsync($"/forum/t/{threadId}/split");
        TestApp.AssertRedirect(await PostAsync(world.Admin, again, $"/forum/t/{threadId}/split",
            [new("Input.PostIds", cherry.ToString()), new("Input.AndEverythingAfter", "true"), new("Input.Title", "Cherries and elders"),
             new("Input.Category", "resources"), new("Input.Confirm", "true")]), "/forum/t/");
        Assert.That(await Numbers(world, threadId), Is.EqualTo(new[] { "1", "2:apple" }));
        Assert.That(await world.App.ScalarAsync<long>("SELECT ThreadCount FROM ForumCategories WHERE Slug = 'resources'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Split_PlacesBothThreadsByTheirLastPosts_PinnedStillFirst_AndANewReplyStillBumps()
    {
        var clock = new FakeClock(FakeClock.DefaultStart);
        await using var world = await ForumWorld.CreateAsync(clock: clock);
        async Task<long> StartAsync(string title)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return await world.Sam.StartThreadAsync("general-chat", title, "Opening words");
        }
        async Task<long> ReplyAsync(long thread, string body)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return await world.Kit.ReplyAsync(thread, body);
        }
        var pinned = await StartAsync("Pinned welcome");
        await StartAsync("Oldest here");
        var splitting = await StartAsync("Splitting thread");
        await ReplyAsync(splitting, "An early reply");
        await StartAsync("Middle here");
        var late = await ReplyAsync(splitting, "A late reply");
        await StartAsync("Newest here");
        TestApp.AssertRedirect(await world.Admin.SubmitAsync($"/forum/t/{pinned}/pinned-welcome?page=1", new Dictionary<string, string>(), "form[action*=Pin]"),
            $"/forum/t/{pinned}");
        async Task<IReadOnlyList<string>> TitlesAsync() =>
            (await world.Admin.GetPageAsync("/forum/general-chat")).QuerySelectorAll(".thread-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.That(await TitlesAsync(), Is.EqualTo(new[] { "Pinned welcome", "Newest here", "Splitting thread", "Middle here", "Oldest here" }));

        clock.Advance(TimeSpan.FromMinutes(1));
        var form = await world.Admin.GetPageAsync($"/forum/t/{splitting}/split");
        var split = await PostAsync(world.Admin, form, $"/forum/t/{splitting}/split",
            [new("Input.PostIds", late.ToString()), new("Input.Title", "The late reply"), new("Input.Confirm", "true")]);
        TestApp.AssertRedirect(split, "/forum/t/");
        var newThreadId = ForumJourneys.ThreadId(split.Headers.Location!.OriginalString);

        Assert.That(await TitlesAsync(), Is.EqualTo(new[] { "Pinned welcome", "Newest here", "The late reply", "Middle here", "Splitting thread", "Oldest here" }),
            "a split is not activity: the new thread sits where its last post puts it, the old one where its remaining last post does");
        await ReplyAsync(splitting, "A reply after the split");
        await ReplyAsync(newThreadId, "Another reply after the split");
        Assert.That(await TitlesAsync(), Is.EqualTo(new[] { "Pinned welcome", "The late reply", "Splitting thread", "Newest here", "Middle here", "Oldest here" }),
            "new posts still bump both");
    }

    [Test]
    public async Task Suspension_ByAModerator_ShowsTheMessageAndEndDateAtSignIn_AndIsAudited()
    {
        await using var world = await ForumWorld.CreateAsync();
        var moe = await world.App.InviteMemberAsync(world.Admin, "moe@example.org", "moe", Roles.Moderator);
        await moe.TurnOnTwoFactorAsync();
        Assert.That((await world.Sam.GetAsync("/forum/moderation/members/kit")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        Assert.That((await moe.GetPageAsync("/forum/moderation/members/admin")).QuerySelector("form[action*=Suspend]"), Is.Null);
        Assert.That((await moe.GetAsync("/forum/moderation/members/nobody")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var found = await moe.GetAsync("/forum/moderation?handler=Member&handle=%40kit");
        TestApp.AssertRedirect(found, "/forum/moderation/members/kit");
        var missing = await Forms.ParseAsync(await moe.SubmitAsync("/forum/moderation/members/kit", new Dictionary<string, string> { ["Input.Message"] = "" }, "form[action*=Suspend]"));
        Assert.That(missing.ErrorSummary(), Has.Count.EqualTo(2));
        var suspended = await moe.SubmitAsync("/forum/moderation/members/kit",
            new Dictionary<string, string> { ["Input.Days"] = "3", ["Input.Message"] = "Please take a few days away.", ["Input.Confirm"] = "true" }, "form[action*=Suspend]");
        TestApp.AssertRedirect(suspended, "/forum/moderation/members/kit");

        TestApp.AssertRedirect(await world.Kit.GetAsync("/account/settings"), "https://localhost/account/login");
        var end = DateTimeOffset.UtcNow.AddDays(3).UtcDateTime.ToString("d MMMM yyyy");
        var signIn = await Forms.ParseAsync(await world.App.NewBrowser().SignInAsync("kit@example.org", Journeys.Password));
        Assert.That(signIn.ErrorSummary().Single(), Does.Contain("suspended until").And.Contain(end).And.Contain("Please take a few days away."));
        var wrong = await Forms.ParseAsync(await world.App.NewBrowser().SignInAsync("kit@example.org", "not the password at all"));
        Assert.That(string.Join(" ", wrong.ErrorSummary()), Does.Not.Contain("suspended").And.Not.Contain("Please take"));

        Assert.That((await moe.GetPageAsync("/forum/moderation")).Text("table"), Does.Contain("Suspend").And.Contain("kit").And.Contain("Please take a few days away."));
        TestApp.AssertRedirect(await moe.SubmitAsync("/forum/moderation/members/kit", new Dictionary<string, string>(), "form[action*=Lift]"), "/forum/moderation/members/kit");
        TestApp.AssertRedirect(await world.App.NewBrowser().SignInAsync("kit@example.org", Journeys.Password), "/");
        Assert.That((await moe.GetPageAsync("/forum/moderation")).Text("table"), Does.Contain("Ended a suspension"));
    }

    private static async Task<IReadOnlyList<string>> Numbers(ForumWorld world, long threadId)
    {
        var rows = await world.App.ScalarAsync<string>(
            "SELECT group_concat(CASE WHEN Number = 1 AND Body = 'Opening' THEN '1' ELSE Number || ':' || Body END, '|') FROM (SELECT Number, Body FROM Posts WHERE ThreadId = @Id ORDER BY Number)",
            new { Id = threadId });
        return rows.Split('|');
    }

    /// <summary>Posts a form with repeated fields (several checkboxes), with the page's antiforgery token.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlDocument page, string url, List<KeyValuePair<string, string>> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.AddRange(form.QuerySelectorAll<IHtmlSelectElement>("select")
            .Where(s => values.All(v => v.Key != s.Name)).Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? "")));
        fields.AddRange(values);
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
