using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class SearchPagingTests
{
    /// <summary>
    /// 60 public posts, then 70 newer ones in a category the searcher cannot open: newest first, the first windows of
    /// candidates are all private, so the search has to widen its window to fill the page.
    /// </summary>
    private static async Task<(ForumWorld World, HttpClient Fay)> CommunityAsync()
    {
        var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Facilitators", role: Roles.Facilitator);
        var fay = await world.App.InviteMemberAsync(world.Admin, "fay@example.org", "fay", Roles.Facilitator);
        var publicThread = await world.Sam.StartThreadAsync("general-chat", "Walking together", "walking opening");
        var privateThread = await fay.StartThreadAsync("facilitators", "Private walking", "walking canaryprivate opening");
        var writer = world.App.Service<PostWriter>();
        var categories = await world.App.Service<CategoryStore>().AllAsync(CancellationToken.None);
        var threads = world.App.Service<ThreadStore>();
        var samId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'sam'");
        var fayId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'fay'");
        for (var i = 0; i < 59; i++)
        {
            await writer.ReplyAsync(categories.Single(c => c.Slug == "general-chat"), (await threads.FindAsync(publicThread, CancellationToken.None))!,
                samId, new NewReply(null, $"walking note {i}", ""), CancellationToken.None);
        }
        for (var i = 0; i < 69; i++)
        {
            await writer.ReplyAsync(categories.Single(c => c.Slug == "facilitators"), (await threads.FindAsync(privateThread, CancellationToken.None))!,
                fayId, new NewReply(null, $"walking canaryprivate {i}", ""), CancellationToken.None);
        }
        return (world, fay);
    }

    [TestCase("newest")]
    [TestCase("relevance")]
    public async Task NextLinks_ReachEveryVisibleResultOnce_AndNeverAPrivateOne(string sort)
    {
        var (world, fay) = await CommunityAsync();
        await using var scope = world;

        var kit = await AllPagesAsync(world.Kit, $"/search?q=walking&sort={sort}");
        Assert.That(kit.Hits, Has.Count.EqualTo(60));
        Assert.That(kit.Hits, Is.Unique);
        Assert.That(kit.Pages, Has.Count.EqualTo(2));
        Assert.That(kit.Pages[1].Text("#results-heading"), Is.EqualTo("Results 51 to 60"));
        Assert.That(string.Join(" ", kit.Pages.Select(p => p.Body!.TextContent)), Does.Not.Contain("canaryprivate").And.Not.Contain("Private walking"));

        var insider = await AllPagesAsync(fay, $"/search?q=walking&sort={sort}");
        Assert.That(insider.Hits, Has.Count.EqualTo(130));
        Assert.That(insider.Hits, Is.Unique);
    }

    [Test]
    public async Task NextLink_KeepsFiltersAndSort_AndAForgedCursorShowsNothingPrivate()
    {
        var (world, _) = await CommunityAsync();
        await using var scope = world;
        var first = await world.Kit.GetPageAsync("/search?q=walking&category=general-chat&author=sam&sort=newest");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.That(next, Does.Contain("q=walking").And.Contain("category=general-chat").And.Contain("author=sam").And.Contain("sort=newest").And.Contain("after="));
        var second = await world.Kit.GetPageAsync(next);
        Assert.That(second.QuerySelectorAll(".search-results > li"), Has.Length.EqualTo(10));
        Assert.That(second.QuerySelector("a[rel=next]"), Is.Null);
        Assert.That(second.QuerySelector("nav[aria-label='More search results'] a")!.GetAttribute("href"), Does.Not.Contain("after="));

        var forged = await world.Kit.GetPageAsync("/search?q=canaryprivate&sort=newest&after=0~999999999~0~0");
        Assert.That(forged.QuerySelectorAll(".search-results > li"), Is.Empty);
        var nonsense = await world.Kit.GetPageAsync("/search?q=walking&after=not-a-cursor");
        Assert.That(nonsense.QuerySelectorAll(".search-results > li"), Has.Length.EqualTo(50), "an unreadable cursor starts from the top");
    }

    private static async Task<(List<string> Hits, List<IHtmlDocument> Pages)> AllPagesAsync(HttpClient client, string url)
    {
        var hits = new List<string>();
        var pages = new List<IHtmlDocument>();
        string? next = url;
        while (next is not null && pages.Count < 10)
        {
            var page = await client.GetPageAsync(next);
            pages.Add(page);
            hits.AddRange(page.QuerySelectorAll(".search-results h3 a").Select(a => a.GetAttribute("href")!));
            next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        return (hits, pages);
    }
}
