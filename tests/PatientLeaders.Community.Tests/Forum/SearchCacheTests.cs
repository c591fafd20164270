using Dapper;
using PatientLeaders.Community.Tests.Data;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Search;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>
/// Search remembers pages of results (<see cref="SearchCache"/>) under the search change counter and the searcher's
/// visible categories. Every kind of change a searcher could notice must show in the very next search.
/// </summary>
public sealed class SearchCacheTests
{
    [Test]
    public async Task EveryChangeToWhatASearchFindsOrShows_IsInTheNextSearch()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Planning");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")), Is.Empty);

        var threadId = await world.Sam.StartThreadAsync("planning", "Quokka planning", "The first quokka word");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")), Has.Count.EqualTo(1), "a new thread");
        var replyId = await world.Kit.ReplyAsync(threadId, "A quokka reply");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")), Has.Count.EqualTo(2), "a new reply");

        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/forum/p/{replyId}/edit", new Dictionary<string, string> { ["Input.Body"] = "Edited away" }), "/forum/t/");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")), Has.Count.EqualTo(1), "an edit that removes the word");

        var openingId = await world.App.OpeningPostIdAsync(threadId);
        TestApp.AssertRedirect(await world.Sam.SubmitAsync($"/forum/p/{openingId}/edit",
            new Dictionary<string, string> { ["Input.Title"] = "Wombat planning", ["Input.Body"] = "The first quokka word" }), "/forum/t/");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")).Single(), Does.Contain("Wombat planning"), "a renamed thread");

        TestApp.AssertRedirect(await world.Sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Samira Quill" }), "/");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")).Single(), Does.Contain("Samira Quill"), "the author's new name");

        var url = (await world.Kit.GetAsync($"/forum/t/{threadId}")).Headers.Location!.OriginalString;
        await world.Admin.SubmitAsync(url, new Dictionary<string, string> { ["reason"] = "Off topic" }, $"#post-{openingId} form[action*=Hide]");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")), Is.Empty, "a hidden post");
        await world.Admin.ClickAsync(url, $"#post-{openingId} button[formaction*=Restore]");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")), Has.Count.EqualTo(1), "a restored post");

        long categoryId;
        await using (var connection = await world.App.Database.OpenAsync())
        {
            categoryId = await connection.ExecuteScalarAsync<long>("SELECT Id FROM ForumCategories WHERE Slug = 'planning'");
        }
        TestApp.AssertRedirect(await world.Admin.SubmitAsync($"/forum/admin/categories/edit/{categoryId}",
            new Dictionary<string, string> { ["Input.Roles"] = Roles.Facilitator }), "/forum/admin/categories");
        Assert.That(Results(await world.Kit.GetPageAsync("/search?q=quokka")), Is.Empty, "a category closed to the searcher");
        Assert.That(Results(await world.Admin.GetPageAsync("/search?q=quokka")), Has.Count.EqualTo(1), "still open to an admin");
    }

    [Test]
    public async Task APageIsRemembered_ForTheSameQuestionAndVisibility_AndNeverAcrossAWrite()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Sam.StartThreadAsync("general-chat", "Walking groups", "walking helps");
        var store = world.App.Service<SearchStore>();
        var request = new SearchRequest("walking", null, null, null, null, null, false);
        var categories = (await world.App.Service<ForumAccess>().VisibleCategoriesAsync(ForumViewer.Guest with { MemberId = 1 }, default))
            .Select(c => c.Id).ToList();

        var first = await store.SearchAsync(request, categories, null, default);
        Assert.That(await store.SearchAsync(request, categories.AsEnumerable().Reverse().ToList(), null, default), Is.SameAs(first),
            "the same visible categories, in any order");
        Assert.That(await store.SearchAsync(request, [categories[0], 999_999], null, default), Is.Not.SameAs(first), "other visible categories");
        Assert.That(await store.SearchAsync(request with { NewestFirst = true }, categories, null, default), Is.Not.SameAs(first));

        await world.Sam.StartThreadAsync("general-chat", "More walking", "walking again");
        var after = await store.SearchAsync(request, categories, null, default);
        Assert.That(after, Is.Not.SameAs(first));
        Assert.That(after.Hits, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task TheCacheCanBeTurnedOff()
    {
        await using var world = await ForumWorld.CreateAsync(new Dictionary<string, string?> { ["ForumSearch:CacheSeconds"] = "0" });
        await world.Sam.StartThreadAsync("general-chat", "Walking groups", "walking helps");
        var store = world.App.Service<SearchStore>();
        var request = new SearchRequest("walking", null, null, null, null, null, false);
        var categories = (await world.App.Service<ForumAccess>().VisibleCategoriesAsync(ForumViewer.Guest with { MemberId = 1 }, default))
            .Select(c => c.Id).ToList();
        Assert.That(await store.SearchAsync(request, categories, null, default), Is.Not.SameAs(await store.SearchAsync(request, categories, null, default)));
    }

    /// <summary>
    /// The class of bug: a table a search reads without a trigger that moves the counter. Every table named in the
    /// search's SQL has one for each kind of write (members for their names and handles, and for deletion).
    /// </summary>
    [Test]
    public async Task EveryTableASearchReads_MovesTheCounterOnEveryWrite()
    {
        var sql = string.Join('\n', typeof(ForumSql).GetFields()
            .Where(f => f.IsLiteral && f.Name.StartsWith("Search", StringComparison.Ordinal) || f.Name is nameof(ForumSql.TagFilter) or nameof(ForumSql.SelectMemberIdByHandle))
            .Select(f => (string)f.GetRawConstantValue()!));
        var tables = ChangeCounterTriggers.TablesIn(sql).Where(t => t is not "PostSearchIndex").ToList();
        Assert.That(tables, Is.SupersetOf(new[] { "Posts", "Threads", "ForumCategories", "Members", "PostSearchText", "ThreadTags" }));

        await using var world = await ForumWorld.CreateAsync();
        await using var connection = await world.App.Database.OpenAsync();
        foreach (var table in tables)
        {
            // Members move it only when their names or handles change, or they are deleted.
            await ChangeCounterTriggers.AssertMovedByAsync(connection, ChangeCounters.Search, table, table == "Members" ? ["UPDATE OF", "DELETE"] : []);
        }
        var before = await ChangeCounters.ReadAsync(connection, ChangeCounters.Search, default);
        await connection.ExecuteAsync("UPDATE ForumCategories SET Name = Name");
        Assert.That(await ChangeCounters.ReadAsync(connection, ChangeCounters.Search, default), Is.GreaterThan(before));
    }

    private static IReadOnlyList<string> Results(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".search-results > li").Select(li => li.TextContent).ToList();
}
