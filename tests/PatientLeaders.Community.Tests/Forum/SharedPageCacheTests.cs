using PatientLeaders.Community.Tests.Data;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Threads;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>
/// The rows every reader of a thread page shares (<see cref="SharedPageCache"/>). The differential test in
/// <see cref="PostMarkupCacheTests"/> compares whole pages with the cache on and off over random changes; these
/// tests cover what it cannot reach: every table the shared reads name, and a member who joins after being mentioned.
/// </summary>
public sealed class SharedPageCacheTests
{
    /// <summary>The class of bug: a table a thread page shares without a trigger that moves the counter on some kind of write.</summary>
    [Test]
    public async Task EveryTableAThreadPageShares_MovesTheCounterOnEveryWrite()
    {
        var sql = string.Join('\n', ForumSql.SelectPostsByNumber, ForumSql.SelectPostsByBranch, ForumSql.SelectThreadTags,
            ForumSql.SelectReactionsForPosts, ForumSql.SelectMembersByHandle);
        var tables = ChangeCounterTriggers.TablesIn(sql);
        Assert.That(tables, Is.EquivalentTo(new[] { "Posts", "Members", "ThreadTags", "PostReactions" }));

        await using var world = await ForumWorld.CreateAsync();
        await using var connection = await world.App.Database.OpenAsync();
        foreach (var table in tables)
        {
            // Members move it when they join, when their names or handles change, and when they are deleted.
            await ChangeCounterTriggers.AssertMovedByAsync(connection, ChangeCounters.ThreadPages, table,
                table == "Members" ? ["INSERT", "UPDATE OF", "DELETE"] : []);
        }
    }

    [Test]
    public async Task AMentionOfSomeoneWhoJoinsLater_BecomesALinkOnTheNextRead()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Mentions", "Waiting for @newcomer to join us.");
        var url = $"/forum/t/{threadId}/mentions?page=1";
        Assert.That((await world.Kit.GetPageAsync(url)).QuerySelector("a[href='/members/newcomer']"), Is.Null, "no such member yet");

        await world.App.InviteMemberAsync(world.Admin, "newcomer@example.org", "newcomer");

        Assert.That((await world.Kit.GetPageAsync(url)).QuerySelector("a[href='/members/newcomer']"), Is.Not.Null, "the mention now names a member");
    }

    [Test]
    public async Task APageReadTwice_IsReadFromTheDatabaseOnce_UntilAWrite()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Kept for all", "The opening post");
        var url = $"/forum/t/{threadId}/kept-for-all?page=1";
        await world.Kit.GetAsync(url);
        var cache = world.App.Service<SharedPageCache>();
        var filled = cache.Count;

        await world.Admin.GetAsync(url);
        Assert.That(cache.Count, Is.EqualTo(filled), "the admin's read shares Kit's entry");

        await world.Sam.ReplyAsync(threadId, "A reply moves the counter");
        var page = await world.Kit.GetPageAsync(url);
        Assert.That(cache.Count, Is.EqualTo(filled + 1), "read afresh under the new counter");
        Assert.That(page.QuerySelectorAll("article[id^=post-]"), Has.Length.EqualTo(2));
    }
}
