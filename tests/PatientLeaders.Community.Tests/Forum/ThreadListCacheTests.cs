using Dapper;
using PatientLeaders.Community.Tests.Data;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>
/// Threads by latest activity are shared between readers (<see cref="ThreadListCache"/>), each reader's read
/// positions added per request: Latest and the home page's discussions are the same with the cache as without it.
/// </summary>
public sealed class ThreadListCacheTests
{
    [Test]
    public async Task LatestAndHome_AreTheSameWithTheCacheAsWithout_ForRandomReadersAndWrites()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        await using var world = await ForumWorld.CreateAsync();
        var cache = world.App.Service<ThreadListCache>();
        var threads = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            threads.Add(await world.Sam.StartThreadAsync("general-chat", $"Latest thread {i}", $"Opening post {i}"));
        }
        (string Name, HttpClient Client)[] readers = [("a guest", world.App.NewBrowser()), ("kit", world.Kit), ("sam", world.Sam), ("the admin", world.Admin)];
        string[] urls = ["/forum/latest", "/forum/latest?filter=unread", "/"];
        foreach (var (_, client) in readers)
        {
            await client.GetAsync("/forum");   // shows their notices, once
        }

        for (var round = 0; round < 30; round++)
        {
            var thread = threads[random.Next(threads.Count)];
            var change = random.Next(4) switch
            {
                0 => $"kit replied in {thread} ({await world.Kit.ReplyAsync(thread, $"Reply in round {round}")}, {(await world.Kit.GetAsync("/forum")).StatusCode})",
                1 => $"sam renamed ({await ExecuteAsync(world, "UPDATE Members SET DisplayName = @name WHERE Handle = 'sam'", new { name = $"Sam {round}" })})",
                2 => $"kit read {thread} ({(await world.Kit.GetAsync($"/forum/t/{thread}/latest-thread-{threads.IndexOf(thread)}?page=1")).StatusCode})",
                _ => "nothing",
            };
            foreach (var (name, client) in readers)
            {
                var url = urls[random.Next(urls.Length)];
                cache.Enabled = true;
                var filled = await ReadAsync(client, url);
                var kept = await ReadAsync(client, url);
                cache.Enabled = false;
                var reference = await ReadAsync(client, url);
                cache.Enabled = true;
                var context = $"seed {seed}, round {round}, {name} reading {url} after {change}";
                Assert.That(filled, Is.EqualTo(reference), context);
                Assert.That(kept, Is.EqualTo(reference), context);
            }
        }
    }

    [Test]
    public async Task OneReadersReadPositions_AreNeverShownToAnother()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Read by one", "The opening post");
        await world.Kit.GetAsync($"/forum/t/{threadId}/read-by-one?page=1");
        await world.Admin.GetAsync("/forum/latest");

        var kit = await world.Kit.GetPageAsync("/forum/latest");
        var admin = await world.Admin.GetPageAsync("/forum/latest");
        Assert.That(kit.QuerySelectorAll(".tag-new"), Is.Empty, "Kit has read it");
        Assert.That(admin.QuerySelectorAll(".tag-new"), Has.Length.EqualTo(1), "the admin has not");
    }

    /// <summary>The class of bug: a table the shared list reads without a trigger that moves the counter on some kind of write.</summary>
    [Test]
    public async Task EveryTableTheSharedListReads_MovesTheCounterOnEveryWrite()
    {
        var tables = ChangeCounterTriggers.TablesIn(ForumSql.SelectLatest).Where(t => t is not "ThreadReads").ToList();
        Assert.That(tables, Is.EquivalentTo(new[] { "Threads", "Members" }));
        await using var world = await ForumWorld.CreateAsync();
        await using var connection = await world.App.Database.OpenAsync();
        foreach (var table in tables)
        {
            // Members move it when their names change and when they are deleted.
            await ChangeCounterTriggers.AssertMovedByAsync(connection, ChangeCounters.ThreadLists, table, table == "Members" ? ["UPDATE OF", "DELETE"] : []);
        }
    }

    private static async Task<string> ReadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
        return PerRequestValues.Blanked(await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> ExecuteAsync(ForumWorld world, string sql, object parameters)
    {
        await using var connection = await world.App.Database.OpenAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }
}
