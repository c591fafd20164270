using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>The forum's "Latest" list: every category the reader may see, newest activity first, with unread markers.</summary>
public sealed class LatestTests
{
    [Test]
    public async Task Latest_ListsOnlyWhatTheReaderMaySee_NewestFirst_WithUnreadMarkersAndAnUnreadFilter()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Open to all", isPublic: true);
        await world.Admin.CreateCategoryAsync("Facilitators", role: "Facilitator");
        var first = await world.Sam.StartThreadAsync("general-chat", "First thread", "One");
        var open = await world.Sam.StartThreadAsync("open-to-all", "Public thread", "Two");
        await world.Admin.StartThreadAsync("facilitators", "Facilitators only", "Three");
        await world.Sam.ReplyAsync(first, "Bumped to the top");

        var latest = await world.Kit.GetPageAsync("/forum/latest");
        var titles = latest.QuerySelectorAll(".thread-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.That(titles, Is.EqualTo(new[] { "First thread", "Public thread" }), "newest activity first; never a category Kit cannot open");
        Assert.That(latest.Text(".thread-list"), Does.Contain("General chat").And.Contain("Unread"));

        await world.Kit.GetPageAsync($"/forum/t/{first}/first-thread?page=1");
        var unread = await world.Kit.GetPageAsync("/forum/latest?filter=unread");
        Assert.That(unread.QuerySelectorAll(".thread-title a").Select(a => a.TextContent.Trim()), Is.EqualTo(new[] { "Public thread" }));
        await world.Sam.ReplyAsync(first, "Something new");
        unread = await world.Kit.GetPageAsync("/forum/latest?filter=unread");
        Assert.That(unread.Text(".thread-list"), Does.Contain("First thread").And.Contain("1 new"));

        var guest = await world.App.NewBrowser().GetPageAsync("/forum/latest?filter=unread&before=nonsense");
        Assert.That(guest.QuerySelectorAll(".thread-title a").Select(a => a.TextContent.Trim()), Is.EqualTo(new[] { "Public thread" }),
            "guests see public categories; the unread filter and an unreadable cursor are ignored");
        Assert.That((await world.App.NewBrowser().GetAsync($"/forum/latest?before=1-{open}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Latest_PagesByKeyset_WithoutRepeatingOrSkippingAThread()
    {
        await using var world = await ForumWorld.CreateAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await world.Sam.StartThreadAsync("general-chat", $"Thread {i}", "Body"));
        }
        var categoryId = await world.App.ScalarAsync<long>("SELECT Id FROM ForumCategories WHERE Slug = 'general-chat'");
        var store = world.App.Service<ThreadStore>();
        var seen = new List<long>();
        LatestCursor? cursor = null;
        while (true)
        {
            var page = await store.LatestAsync([categoryId], null, cursor, false, 2, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }
            seen.AddRange(page.Select(t => t.Id));
            cursor = LatestCursor.Parse(LatestCursor.From(page[^1]).ToString());
        }
        Assert.That(seen, Is.EqualTo(ids.AsEnumerable().Reverse().ToList()));
        Assert.That(LatestCursor.Parse("12-0"), Is.Null);
        Assert.That(LatestCursor.Parse("-5-3"), Is.Null);
        Assert.That(LatestCursor.Parse("99999999999999999999-3"), Is.Null);
    }
}
