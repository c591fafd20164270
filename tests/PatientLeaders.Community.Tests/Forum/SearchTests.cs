using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class SearchTests
{
    [Test]
    public async Task Search_FindsTitlesAndBodies_WithMarkedSnippetsThatStayText()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Commissioning carers support", "Opening about <b>budgets</b>");
        await world.Kit.ReplyAsync(threadId, "Co-production with carers made the **difference** <script>alert(1)</script>");
        await world.Kit.StartThreadAsync("general-chat", "Unrelated thread", "Nothing here");

        var page = await world.Kit.GetPageAsync("/search?q=carer");
        Assert.That(page.QuerySelectorAll(".search-results > li"), Has.Length.EqualTo(2));
        Assert.That(page.QuerySelectorAll(".snippet mark").Select(m => m.TextContent), Has.Some.EqualTo("carers"));
        Assert.That(page.QuerySelector(".snippet script"), Is.Null);
        Assert.That(page.QuerySelectorAll(".snippet b"), Is.Empty);

        var body = await world.Kit.GetPageAsync("/search?q=budgets");
        Assert.That(body.Text(".search-results"), Does.Contain("<b>budgets</b>").Or.Contain("budgets"));
        Assert.That(body.QuerySelector(".snippet b"), Is.Null);
    }

    [Test]
    public async Task Search_FindsEveryFormOfAWord_ButNotOtherWordsThatStartTheSame()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Sam.StartThreadAsync("general-chat", "Walked to the clinic", "We walked slowly.");
        await world.Sam.StartThreadAsync("general-chat", "Walking groups", "Walking helps my pacing.");
        await world.Sam.StartThreadAsync("general-chat", "A career in advocacy", "My career changed.");

        var walk = await world.Kit.GetPageAsync("/search?q=walk");
        Assert.That(walk.QuerySelectorAll(".search-results h3").Select(h => h.TextContent.Trim()),
            Is.EquivalentTo(new[] { "Walked to the clinic", "Walking groups" }));
        var walking = await world.Kit.GetPageAsync("/search?q=walking");
        Assert.That(walking.QuerySelectorAll(".search-results > li"), Has.Length.EqualTo(2));
        Assert.That(walking.QuerySelectorAll(".snippet mark").Select(m => m.TextContent), Has.Some.EqualTo("walked"), "another form is marked too");

        var care = await world.Kit.GetPageAsync("/search?q=care");
        Assert.That(care.QuerySelectorAll(".search-results > li"), Is.Empty, "\"career\" is not a form of \"care\"");
    }

    [TestCase("' OR 1=1--")]
    [TestCase("\"")]
    [TestCase("*")]
    [TestCase("%")]
    [TestCase("NEAR(\"a\" b")]
    [TestCase("carers AND OR NOT")]
    [TestCase("))((")]
    public async Task HostileInput_NeverErrors(string query)
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Sam.StartThreadAsync("general-chat", "Something to find", "carers and 1=1 text");
        var response = await world.Kit.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), query);
    }

    [Test]
    public async Task Search_NeverReturnsPostsFromCategoriesTheSearcherCannotOpen()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Facilitators", role: Roles.Facilitator);
        var fay = await world.App.InviteMemberAsync(world.Admin, "fay@example.org", "fay", Roles.Facilitator);
        await fay.StartThreadAsync("facilitators", "Private planning", "The canary word is quokkacanary");
        await world.Sam.StartThreadAsync("general-chat", "Public planning", "Nothing secret quokka");

        var outsider = await world.Kit.GetAsync("/search?q=quokkacanary");
        Assert.That(await outsider.Content.ReadAsStringAsync(), Does.Not.Contain("quokkacanary\u003c").And.Not.Contain("Private planning"));
        var outsiderPage = await world.Kit.GetPageAsync("/search?q=quokka");
        Assert.That(outsiderPage.QuerySelectorAll(".search-results > li"), Has.Length.EqualTo(1));
        var category = await world.Kit.GetPageAsync("/search?q=quokkacanary&category=facilitators");
        Assert.That(category.QuerySelectorAll(".search-results > li"), Is.Empty);

        var insider = await fay.GetPageAsync("/search?q=quokkacanary");
        Assert.That(insider.Text(".search-results"), Does.Contain("Private planning"));
    }

    [Test]
    public async Task Filters_ByAuthorTagCategoryAndDate_AndSortNewestFirst()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Resources");
        await world.Sam.StartThreadAsync("general-chat", "Walking groups first", "walking helps", tags: "exercise");
        await world.Kit.StartThreadAsync("resources", "Walking maps second", "walking routes");

        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&author=sam")), Is.EqualTo(new[] { "Walking groups first" }));
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&author=@kit")), Is.EqualTo(new[] { "Walking maps second" }));
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&author=nobody")), Is.Empty);
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&tag=exercise")), Is.EqualTo(new[] { "Walking groups first" }));
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&category=resources")), Is.EqualTo(new[] { "Walking maps second" }));
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&sort=newest")), Is.EqualTo(new[] { "Walking maps second", "Walking groups first" }));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.That(Titles(await world.Kit.GetPageAsync($"/search?q=walking&from={today}&to={today}")), Has.Count.EqualTo(2));
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&to=2000-01-01")), Is.Empty);
    }

    [TestCase("from=2030-03-01&to=2030-03-01", 1)]
    [TestCase("from=2030-03-02&to=2030-03-02", 0)]
    [TestCase("from=2030-03-01&to=2030-03-01&tz=Pacific%2FAuckland", 0)]
    [TestCase("from=2030-03-02&to=2030-03-02&tz=Pacific%2FAuckland", 1)]
    [TestCase("to=2030-03-01&tz=America%2FNew_York", 1)]
    [TestCase("from=2030-03-02&tz=America%2FNew_York", 0)]
    [TestCase("from=2030-03-02&tz=Not%2FAZone", 0)]
    public async Task DateFilter_MeansTheReadersDays_WhenTheFormSendsTheirZone(string dates, int found)
    {
        // 23:30 UTC on 1 March: already 2 March in Auckland (UTC+13), still 1 March in New York (UTC-5).
        await using var world = await ForumWorld.CreateAsync(clock: new FakeClock(new DateTimeOffset(2030, 3, 1, 23, 30, 0, TimeSpan.Zero)));
        await world.Sam.StartThreadAsync("general-chat", "Late night walking", "walking at night");

        var page = await world.Kit.GetPageAsync("/search?q=walking&" + dates);

        Assert.That(Titles(page), Has.Count.EqualTo(found));
        Assert.That(page.QuerySelector("input[type=hidden][name=tz][data-reader-time-zone]"), Is.Not.Null);
    }

    [Test]
    public async Task DateRange_FindsPostsEitherSideOfAMonthsEdge_InTheReadersZone_AndAMonthTokenIsNoWord()
    {
        // 23:30 UTC on 31 March, and 00:10 UTC on 1 April: both 1 April in Auckland (UTC+13). The index files each
        // post under its UTC month, so the reader's 1 April must ask for March and April.
        var clock = new FakeClock(new DateTimeOffset(2030, 3, 31, 23, 30, 0, TimeSpan.Zero));
        await using var world = await ForumWorld.CreateAsync(clock: clock);
        await world.Sam.StartThreadAsync("general-chat", "March walking", "walking at the month's end");
        clock.Advance(TimeSpan.FromMinutes(40));
        await world.Sam.StartThreadAsync("general-chat", "April walking", "walking into April");

        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&from=2030-04-01&to=2030-04-01&tz=Pacific%2FAuckland&sort=newest")),
            Is.EqualTo(new[] { "April walking", "March walking" }));
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&from=2030-03-31&to=2030-03-31")), Is.EqualTo(new[] { "March walking" }));
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&from=2030-04-01")), Is.EqualTo(new[] { "April walking" }));
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=walking&from=2029-01-01&to=2030-03-31")), Is.EqualTo(new[] { "March walking" }),
            "a range wider than the months narrowed is still filtered by date");
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=m203003")), Is.Empty);
        Assert.That(Titles(await world.Kit.GetPageAsync("/search?q=m203003+walking")), Is.Empty);
    }

    [Test]
    public async Task ResultDates_AreShownInTheReadersZone_AndTheFormKeepsIt()
    {
        await using var world = await ForumWorld.CreateAsync(clock: new FakeClock(new DateTimeOffset(2030, 3, 1, 23, 30, 0, TimeSpan.Zero)));
        await world.Sam.StartThreadAsync("general-chat", "Late night walking", "walking at night");

        var utc = await world.Kit.GetPageAsync("/search?q=walking");
        var auckland = await world.Kit.GetPageAsync("/search?q=walking&tz=Pacific%2FAuckland");

        Assert.That(utc.Text(".search-results time"), Is.EqualTo("1 Mar 2030"));
        Assert.That(auckland.Text(".search-results time"), Is.EqualTo("2 Mar 2030"));
        Assert.That(auckland.QuerySelector("input[name=tz]")?.GetAttribute("value"), Is.EqualTo("Pacific/Auckland"));
    }

    [Test]
    public async Task DeletedAndEditedPosts_AreKeptInStepWithSearch()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Edits and search", "Opening");
        var reply = await world.Kit.ReplyAsync(threadId, "platypus words");
        Assert.That(Titles(await world.Sam.GetPageAsync("/search?q=platypus")), Has.Count.EqualTo(1));
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/forum/p/{reply}/edit", new Dictionary<string, string> { ["Input.Body"] = "wombat words" }), "/forum/t/");
        Assert.That(Titles(await world.Sam.GetPageAsync("/search?q=platypus")), Is.Empty);
        Assert.That(Titles(await world.Sam.GetPageAsync("/search?q=wombat")), Has.Count.EqualTo(1));
        TestApp.AssertRedirect(await world.Kit.ClickAsync($"/forum/t/{threadId}/edits-and-search?page=1", $"#post-{reply} button[formaction*=Delete]"), "/forum/t/");
        Assert.That(Titles(await world.Sam.GetPageAsync("/search?q=wombat")), Is.Empty);
    }

    [Test]
    public async Task Guests_AreSentToSignIn()
    {
        await using var app = await TestApp.CreateAsync();
        TestApp.AssertRedirect(await app.NewBrowser().GetAsync("/search?q=x"), "https://localhost/account/login");
    }

    private static IReadOnlyList<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".search-results h3").Select(h => h.TextContent.Trim()).ToList();
}
