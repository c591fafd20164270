using System.Text.RegularExpressions;
using Dapper;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Features.Forum.Threads.PostMarkup;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>
/// Posts' markup is shared between readers (<see cref="PostMarkupCache"/>), and so are the rows of each page
/// (<see cref="SharedPageCache"/>). The differential test: for random readers over random states of a thread, every
/// page rendered with both caches (filling them, then from them) is byte for byte the page rendered without them, apart from the per-request antiforgery tokens and CSP nonces.
/// </summary>
public sealed partial class PostMarkupCacheTests
{
    private const int Rounds = 300;

    [Test]
    public async Task ThreadPages_AreTheSameWithTheCacheAsWithout_ForRandomReadersAndStates()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        await using var world = await ForumWorld.CreateAsync(new Dictionary<string, string?> { ["RateLimits:InvitationsPerHour"] = "100", ["RateLimits:RegistrationPerTenMinutes"] = "100", ["RateLimits:SignInPerFiveMinutes"] = "100" });
        var thread = await ThreadWorld.CreateAsync(world);
        var cache = world.App.Service<PostMarkupCache>();
        var pages = world.App.Service<SharedPageCache>();
        var languages = new HashSet<string>();
        var cases = 0;
        foreach (var (_, reader) in thread.Readers)
        {
            await reader.GetAsync($"/forum/t/{thread.Id}/differential-thread?page=1");   // shows their notices, once
        }

        for (var round = 0; round < Rounds; round++)
        {
            var changes = new List<string>();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                changes.Add(await thread.ChangeAsync(random));
            }
            var slug = await world.App.ScalarAsync<string>("SELECT Slug FROM Threads WHERE Id = @Id", new { thread.Id });
            var url = $"/forum/t/{thread.Id}/{slug}?page=1" + (random.Next(3) == 0 ? "&view=nested" : "");
            foreach (var (name, reader) in thread.Readers)
            {
                var language = Languages[random.Next(Languages.Length)];
                var readUpTo = random.Next(0, 16);
                (cache.Enabled, pages.Enabled) = (true, true);
                var filled = await thread.RenderAsync(reader, name, url, language, readUpTo);
                var remembered = await thread.RenderAsync(reader, name, url, language, readUpTo);
                (cache.Enabled, pages.Enabled) = (false, false);
                var reference = await thread.RenderAsync(reader, name, url, language, readUpTo);
                (cache.Enabled, pages.Enabled) = (true, true);
                var context = $"seed {seed}, round {round}, {name} reading {url} in {language}, read to {readUpTo}, after: {string.Join("; ", changes)}";
                Assert.That(filled, Is.EqualTo(reference), () => context + Difference(filled, reference));
                Assert.That(remembered, Is.EqualTo(reference), () => context + Difference(remembered, reference));
                languages.Add(HtmlLang().Match(reference).Groups[1].Value);
                cases++;
            }
        }
        Assert.That(cases, Is.EqualTo(Rounds * thread.Readers.Count));
        Assert.That(languages, Is.EquivalentTo(new[] { "en-GB", "cy-GB", "es-ES" }), "every language was read");
    }

    [Test]
    public async Task OneReadersBookmarkReactionAndNewPosts_AreNeverShownToAnother()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Shared markup", "The opening post");
        var replyId = await world.Sam.ReplyAsync(threadId, "A reply");
        // With a page number, so the page never moves a reader on to their first unread post.
        var url = (await world.Kit.GetAsync($"/forum/t/{threadId}")).Headers.Location!.OriginalString + "?page=1";
        await world.Admin.GetAsync(url);

        await world.Kit.ClickAsync(url, $"#post-{replyId} button[formaction*=Bookmark]");
        await world.Kit.ClickAsync(url, $"#post-{replyId} button.reaction[value=Helpful]");
        await world.Sam.ReplyAsync(threadId, "Something new for both");
        Assert.That((await world.Kit.GetPageAsync(url)).QuerySelectorAll(".tag-new"), Has.Length.EqualTo(1), "new to Kit the first time");

        var kit = await world.Kit.GetPageAsync(url);
        var admin = await world.Admin.GetPageAsync(url);
        string? Pressed(AngleSharp.Html.Dom.IHtmlDocument page, string selector) => page.QuerySelector($"#post-{replyId} {selector}")?.GetAttribute("aria-pressed");
        Assert.That(Pressed(kit, "button[formaction*=Bookmark]"), Is.EqualTo("true"));
        Assert.That(Pressed(kit, "button.reaction[value=Helpful]"), Is.EqualTo("true"));
        Assert.That(Pressed(admin, "button[formaction*=Bookmark]"), Is.EqualTo("false"), "Kit's bookmark is not the admin's");
        Assert.That(Pressed(admin, "button.reaction[value=Helpful]"), Is.EqualTo("false"), "Kit's reaction is not the admin's");
        Assert.That(admin.QuerySelector($"#post-{replyId} button.reaction[value=Helpful] .count")?.TextContent, Is.EqualTo("1"), "the count is shared");
        Assert.That(admin.QuerySelectorAll(".tag-new"), Has.Length.EqualTo(1), "the admin has one new post");
        Assert.That(kit.QuerySelectorAll(".tag-new"), Is.Empty, "Kit has read it since");
    }

    private static string Difference(string actual, string expected)
    {
        var at = actual.Zip(expected).TakeWhile(p => p.First == p.Second).Count();
        string Around(string text) => text.Substring(Math.Max(0, at - 300), Math.Min(text.Length, at + 200) - Math.Max(0, at - 300));
        return $"\nwith the cache:\n{Around(actual)}\nwithout:\n{Around(expected)}";
    }

    private static readonly string[] Languages = ["en-GB", "cy-GB", "es-ES"];

    [GeneratedRegex("<html lang=\"([^\"]+)\"")]
    private static partial Regex HtmlLang();


    /// <summary>A thread with posts by several members, a second thread to move posts between, and every kind of reader.</summary>
    private sealed class ThreadWorld
    {
        private readonly ForumWorld world;
        private readonly Dictionary<string, long> members;
        private readonly long otherId;

        private ThreadWorld(ForumWorld world, long id, long otherId, Dictionary<string, long> members, List<(string, HttpClient)> readers)
        {
            this.world = world;
            Id = id;
            this.otherId = otherId;
            this.members = members;
            Readers = readers;
        }

        public long Id { get; }

        public IReadOnlyList<(string Name, HttpClient Client)> Readers { get; }

        public static async Task<ThreadWorld> CreateAsync(ForumWorld world)
        {
            await world.Admin.CreateCategoryAsync("Open", isPublic: true);
            var moe = await world.App.InviteMemberAsync(world.Admin, "moe@example.org", "moe", Roles.Moderator);
            await moe.TurnOnTwoFactorAsync();
            var ivy = await world.App.InviteMemberAsync(world.Admin, "ivy@example.org", "ivy");
            var sue = await world.App.InviteMemberAsync(world.Admin, "sue@example.org", "sue");
            var id = await world.Sam.StartThreadAsync("open", "Differential thread", "The opening post, by **Sam**.");
            var first = await world.Kit.ReplyAsync(id, "Kit replies, mentioning @sam.");
            await world.Sam.ReplyAsync(id, "Sam answers Kit.", to: first);
            await ivy.ReplyAsync(id, "Ivy has a view.", contentNote: "distress");
            await moe.ReplyAsync(id, "The moderator says hello.");
            await sue.ReplyAsync(id, "Sue, soon suspended.", to: first);
            await world.Admin.ReplyAsync(id, "The admin adds a link: https://example.org");
            await world.Kit.ReplyAsync(id, "Kit again.");
            var otherId = await world.Kit.StartThreadAsync("open", "Another thread", "Somewhere else.");
            await world.Sam.ReplyAsync(otherId, "Over here.");
            await world.Kit.ReplyAsync(otherId, "And here.");
            var members = (await QueryAsync<(string Handle, long Id)>(world, "SELECT Handle, Id FROM Members")).ToDictionary(m => m.Handle, m => m.Id);
            List<(string, HttpClient)> readers =
            [
                ("a guest", world.App.NewBrowser()), ("kit", world.Kit), ("sam, the author", world.Sam), ("moe, a moderator", moe),
                ("the admin", world.Admin), ("ivy, who ignores people", ivy), ("sue, suspended at times", sue),
            ];
            return new ThreadWorld(world, id, otherId, members, readers);
        }

        /// <summary>The page as one reader sees it, having read up to post <paramref name="readUpTo"/> (0: never opened).</summary>
        public async Task<string> RenderAsync(HttpClient reader, string name, string url, string language, int readUpTo)
        {
            if (name != "a guest")
            {
                var memberId = members[name.Split(',')[0].Replace("the ", "")];
                await ExecuteAsync("DELETE FROM ThreadReads WHERE MemberId = @memberId AND ThreadId = @Id", new { memberId, Id });
                if (readUpTo > 0)
                {
                    await ExecuteAsync("INSERT INTO ThreadReads (MemberId, ThreadId, LastReadNumber, ReadAt) VALUES (@memberId, @Id, @readUpTo, '2020-01-01T00:00:00.0000000+00:00')",
                        new { memberId, Id, readUpTo });
                }
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await reader.SendAsync(request);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{name}: {url}");
            return PerRequestValues.Blanked(await response.Content.ReadAsStringAsync());
        }

        /// <summary>One random change to the thread, its posts, their reactions and the readers' marks; says what it did.</summary>
        public async Task<string> ChangeAsync(Random random)
        {
            var posts = (await QueryAsync<long>(world, "SELECT Id FROM Posts WHERE ThreadId = @Id ORDER BY Number", new { Id })).ToList();
            var post = posts[random.Next(posts.Count)];
            var member = members.Values.ElementAt(random.Next(members.Count));
            var now = DateTimeOffset.UtcNow.AddMinutes(-random.Next(100_000));
            switch (random.Next(17))
            {
                case 0:
                    var body = random.Next(3) == 0 ? "Edited to mention @kit and **bold** words" : $"Edited words {random.Next(1000)}";
                    await ExecuteAsync("UPDATE Posts SET Body = @body, EditedAt = @now, RevisionCount = RevisionCount + 1 WHERE Id = @post AND DeletedAt IS NULL", new { body, now, post });
                    return $"edited {post}";
                case 1:
                    await ExecuteAsync("UPDATE Posts SET HiddenAt = CASE WHEN HiddenAt IS NULL THEN @now END, HiddenReason = CASE WHEN HiddenAt IS NULL THEN @reason END WHERE Id = @post",
                        new { now, reason = $"Reason {random.Next(10)}", post });
                    return $"hid or restored {post}";
                case 2 when random.Next(4) == 0 && post != posts[0]:
                    await ExecuteAsync("UPDATE Posts SET DeletedAt = @now, Body = '' WHERE Id = @post", new { now, post });
                    return $"deleted {post}";
                case 3:
                    await ExecuteAsync("UPDATE Posts SET ContentNote = @note WHERE Id = @post", new { note = random.Next(2) == 0 ? "" : "a note", post });
                    return $"content note on {post}";
                case 4:
                    await ExecuteAsync("UPDATE Posts SET Language = @language WHERE Id = @post", new { language = Languages[random.Next(3)], post });
                    return $"language of {post}";
                case 5:
                case 6:
                    var kind = ReactionKinds.All[random.Next(ReactionKinds.All.Count)];
                    if (await ExecuteAsync("DELETE FROM PostReactions WHERE PostId = @post AND MemberId = @member AND Kind = @kind", new { post, member, kind }) == 0)
                    {
                        await ExecuteAsync("INSERT INTO PostReactions (PostId, MemberId, Kind, CreatedAt) VALUES (@post, @member, @kind, @now)", new { post, member, kind, now });
                    }
                    return $"reaction {kind} of {member} on {post}";
                case 7:
                    if (await ExecuteAsync("DELETE FROM PostBookmarks WHERE PostId = @post AND MemberId = @member", new { post, member }) == 0)
                    {
                        await ExecuteAsync("INSERT INTO PostBookmarks (MemberId, PostId, CreatedAt) VALUES (@member, @post, @now)", new { post, member, now });
                    }
                    return $"bookmark of {member} on {post}";
                case 8:
                    var ignored = members.Values.ElementAt(random.Next(members.Count));
                    if (ignored != member && await ExecuteAsync("DELETE FROM MemberIgnores WHERE MemberId = @member AND IgnoredMemberId = @ignored", new { member, ignored }) == 0)
                    {
                        await ExecuteAsync("INSERT INTO MemberIgnores (MemberId, IgnoredMemberId, CreatedAt) VALUES (@member, @ignored, @now)", new { member, ignored, now });
                    }
                    return $"{member} ignores {ignored}, or stops";
                case 9:
                    var n = random.Next(1000);
                    await ExecuteAsync("UPDATE Threads SET Title = @title, Slug = @slug WHERE Id = @Id", new { title = $"Renamed thread {n}", slug = $"renamed-thread-{n}", Id });
                    return "renamed the thread";
                case 10:
                    await ExecuteAsync("UPDATE Threads SET IsLocked = 1 - IsLocked WHERE Id = @Id", new { Id });
                    return "locked or unlocked";
                case 11:
                    await ExecuteAsync("UPDATE Members SET DisplayName = @name WHERE Id = @member", new { name = $"Name {random.Next(100)} <&>", member });
                    return $"renamed member {member}";
                case 12:
                    var elsewhere = (await QueryAsync<long>(world, "SELECT Id FROM Posts WHERE ThreadId IN (@Id, @otherId) AND Id < @post", new { Id, otherId, post })).ToList();
                    var to = elsewhere.Count == 0 ? (long?)null : elsewhere[random.Next(elsewhere.Count)];
                    await ExecuteAsync("UPDATE Posts SET ReplyToPostId = @to WHERE Id = @post", new { to, post });
                    return $"{post} replies to {to}";
                case 13:
                    // A move or split: the last post of one thread becomes the last of the other.
                    var (from, into) = random.Next(2) == 0 ? (Id, otherId) : (otherId, Id);
                    await ExecuteAsync("""
                        UPDATE Posts SET ThreadId = @into, Number = (SELECT MAX(Number) + 1 FROM Posts WHERE ThreadId = @into)
                        WHERE Id = (SELECT Id FROM Posts WHERE ThreadId = @from AND Number > 1 ORDER BY Number DESC LIMIT 1)
                        """, new { from, into });
                    return $"moved a post from {from} to {into}";
                case 14:
                    var tag = $"tag-{random.Next(3)}";
                    if (await ExecuteAsync("DELETE FROM ThreadTags WHERE ThreadId = @Id AND Tag = @tag", new { Id, tag }) == 0)
                    {
                        await ExecuteAsync("INSERT INTO ThreadTags (ThreadId, Tag) VALUES (@Id, @tag)", new { Id, tag });
                    }
                    return $"tag {tag} added or taken off";
                case 15:
                    // Kit's posts mention @sam and edits mention @kit: a handle that changes makes a mention a link or plain text.
                    var handle = random.Next(2) == 0 ? "kit" : "kit-renamed";
                    await ExecuteAsync("UPDATE Members SET Handle = @handle, NormalizedHandle = @normalized WHERE Id = @kit",
                        new { handle, normalized = handle.ToUpperInvariant(), kit = members["kit"] });
                    return $"kit's handle is {handle}";
                default:
                    await ExecuteAsync("UPDATE Members SET SuspendedUntil = CASE WHEN SuspendedUntil IS NULL THEN '2999-01-01T00:00:00.0000000+00:00' END WHERE Handle = 'sue'");
                    return "suspended or restored sue";
            }
        }

        private Task<int> ExecuteAsync(string sql, object? parameters = null) => ExecuteAsync(world, sql, parameters);

        private static async Task<int> ExecuteAsync(ForumWorld world, string sql, object? parameters)
        {
            await using var connection = await world.App.Database.OpenAsync();
            return await connection.ExecuteAsync(sql, parameters);
        }

        private static async Task<IEnumerable<T>> QueryAsync<T>(ForumWorld world, string sql, object? parameters = null)
        {
            await using var connection = await world.App.Database.OpenAsync();
            return await connection.QueryAsync<T>(sql, parameters);
        }
    }
}
