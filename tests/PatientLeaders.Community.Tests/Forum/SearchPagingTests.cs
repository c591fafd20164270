using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Search;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class SearchPagingTests
{
    /// <summary>
    /// 60 public posts, then 70 newer ones in a category the searcher cannot open: newest first, the first windows of
    /// candidates are all private, so the search has to widen its window to fill the page.
    /// </summary>
    private static async Task<(ForumWorld World, HttpClient Fay)> CommunityAsync(string? rankBand = null)
    {
        var world = await ForumWorld.CreateAsync(rankBand is null ? null : new Dictionary<string, string?> { ["ForumSearch:RankBand"] = rankBand });
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

    [TestCase("newest", null)]
    [TestCase("relevance", null)]
    [TestCase("relevance", "7")]
    [TestCase("relevance", "50")]
    public async Task NextLinks_ReachEveryVisibleResultOnce_AndNeverAPrivateOne(string sort, string? rankBand)
    {
        var (world, fay) = await CommunityAsync(rankBand);
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
        var first = await world.Kit.GetPageAsync("/search?q=walking&category=general-chat&author=sam&sort=newest&from=2000-01-01&tz=Europe%2FLondon");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.That(next, Does.Contain("q=walking").And.Contain("category=general-chat").And.Contain("author=sam").And.Contain("sort=newest").And.Contain("after=")
            .And.Contain("from=2000-01-01").And.Contain("tz=Europe%2FLondon"));
        var second = await world.Kit.GetPageAsync(next);
        Assert.That(second.QuerySelectorAll(".search-results > li"), Has.Length.EqualTo(10));
        Assert.That(second.QuerySelector("a[rel=next]"), Is.Null);
        Assert.That(second.QuerySelector("nav[aria-label='More search results'] a")!.GetAttribute("href"), Does.Not.Contain("after="));

        var forged = await world.Kit.GetPageAsync("/search?q=canaryprivate&sort=newest&after=0~999999999~0~0");
        Assert.That(forged.QuerySelectorAll(".search-results > li"), Is.Empty);
        var nonsense = await world.Kit.GetPageAsync("/search?q=walking&after=not-a-cursor");
        Assert.That(nonsense.QuerySelectorAll(".search-results > li"), Has.Length.EqualTo(50), "an unreadable cursor starts from the top");
    }

    [TestCase("newest", null)]
    [TestCase("relevance", null)]
    [TestCase("relevance", "7")]
    public async Task PreviousLinks_WalkBackThroughEveryPage_KeepingFiltersAndSort(string sort, string? rankBand)
    {
        var (world, fay) = await CommunityAsync(rankBand);
        await using var scope = world;
        var forward = await AllPagesAsync(fay, $"/search?q=walking&sort={sort}&from=2000-01-01");
        Assert.That(forward.Pages, Has.Count.EqualTo(3));
        Assert.That(forward.Pages[0].QuerySelector("a[rel=prev]"), Is.Null, "the first page has no previous");

        var backward = new List<IHtmlDocument> { forward.Pages[2] };
        while (backward[^1].QuerySelector("a[rel=prev]")?.GetAttribute("href") is { } previous && backward.Count < 10)
        {
            Assert.That(previous, Does.Contain("q=walking").And.Contain($"sort={sort}").And.Contain("from=2000-01-01"));
            backward.Add(await fay.GetPageAsync(previous));
        }

        static List<string> Hits(IHtmlDocument page) => page.QuerySelectorAll(".search-results h3 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.That(backward, Has.Count.EqualTo(3));
        Assert.That(backward.Select(Hits), Is.EqualTo(forward.Pages.AsEnumerable().Reverse().Select(Hits)));
        Assert.That(backward.Select(p => p.Text("#results-heading")), Is.EqualTo(new[] { "Results 101 to 130", "Results 51 to 100", "Results 1 to 50" }));
        Assert.That(forward.Pages[2].QuerySelector("nav.pagination a:not([rel])")?.GetAttribute("href"), Does.Not.Contain("after="), "the first results, from far pages");
        var again = await fay.GetPageAsync(backward[1].QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.That(Hits(again), Is.EqualTo(Hits(forward.Pages[2])), "and forward again from a page reached backwards");
    }

    /// <summary>
    /// Best match first ranks bands of the newest matches: with a band of 3, an old post with the word in its title
    /// comes after the best of the three newest; with the whole set in one band it comes first. A band of 2 ends
    /// exactly on the first post of the database (id 1), after which there is nothing older to rank.
    /// </summary>
    [TestCase("3", new[] { "newer 3", "newer 2", "newer 1", "Pacing" })]
    [TestCase("2", new[] { "newer 3", "newer 2", "Pacing", "newer 1" })]
    [TestCase("5000", new[] { "Pacing", "newer 3", "newer 2", "newer 1" })]
    public async Task BestMatchFirst_RanksTheNewestMatchesABandAtATime(string rankBand, string[] expected)
    {
        await using var world = await ForumWorld.CreateAsync(new Dictionary<string, string?> { ["ForumSearch:RankBand"] = rankBand });
        var thread = await world.Sam.StartThreadAsync("general-chat", "Pacing", "pacing pacing pacing, the old classic");
        for (var i = 1; i <= 3; i++)
        {
            await world.Sam.ReplyAsync(thread, $"newer {i}: a long reply that mentions pacing once among many other words about the week ahead");
        }

        var page = await world.Kit.GetPageAsync("/search?q=pacing");
        var order = page.QuerySelectorAll(".search-results .snippet").Select(s => s.TextContent.Trim()).ToList();
        Assert.That(order, Has.Count.EqualTo(4));
        Assert.That(order.Select(text => text.StartsWith("newer", StringComparison.Ordinal) ? text[..7] : "Pacing"), Is.EqualTo(expected));
    }

    [Test]
    public void SearchTrail_RoundTrips_AndAnUnreadableOneIsEmpty()
    {
        var trail = new[] { new SearchCursor(-1.25e-6, 90, 51, 50), new SearchCursor(0, 40, 120, 100, 4_000_000) };
        Assert.That(SearchCursor.ParseTrail(SearchCursor.FormatTrail(trail)), Is.EqualTo(trail));
        Assert.That(SearchCursor.FormatTrail([]), Is.Null);
        Assert.That(SearchCursor.ParseTrail("0~1~2~3_nonsense"), Is.Empty);
        var long1 = Enumerable.Range(1, SearchCursor.MaxTrail + 5).Select(i => new SearchCursor(0, i, i, i * 50)).ToList();
        Assert.That(SearchCursor.ParseTrail(SearchCursor.FormatTrail(long1)), Is.EqualTo(long1.TakeLast(SearchCursor.MaxTrail)));
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
