using System.Net;
using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Moderation;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>
/// /forum/moderation/log: every moderation action, filtered by action, moderator, member, thread and dates, newest
/// first with keyset "Older"/"Newer" links that keep the filters. Moderators and admins read it; members get 403.
/// </summary>
public sealed class ModerationLogTests
{
    private static readonly DateTimeOffset Day1 = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed record Log(ForumWorld World, HttpClient Moe, long AdminId, long MoeId, long KitId, long SamId, long ThreadA, long ThreadB) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => World.DisposeAsync();
    }

    /// <summary>Rows written by the store's own audit-log writer, at chosen times.</summary>
    private static async Task RecordAsync(TestApp app, long moderatorId, string action, DateTimeOffset at, long? threadId = null, long? subjectId = null, string reason = "")
    {
        await using var connection = await app.Database.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await ModerationStore.RecordAsync(connection, tx, new ModerationRecord(moderatorId, action, threadId, null, subjectId, reason), at, CancellationToken.None);
        await tx.CommitAsync();
    }

    private static Task<long> IdAsync(TestApp app, string handle) =>
        app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = @handle", new { handle });

    /// <summary>Admin hid a post in thread A on day 1; moe locked thread B on day 2 and suspended kit on day 3 (23:30 UTC).</summary>
    private static async Task<Log> LogAsync()
    {
        var world = await ForumWorld.CreateAsync();
        var moe = await world.App.InviteMemberAsync(world.Admin, "moe@example.org", "moe", Roles.Moderator);
        await moe.TurnOnTwoFactorAsync();
        var threadA = await world.Sam.StartThreadAsync("general-chat", "Apples", "About apples");
        var threadB = await world.Sam.StartThreadAsync("general-chat", "Bananas", "About bananas");
        var (adminId, moeId, kitId, samId) = (await IdAsync(world.App, "admin"), await IdAsync(world.App, "moe"), await IdAsync(world.App, "kit"), await IdAsync(world.App, "sam"));
        await RecordAsync(world.App, adminId, ModerationActionKinds.Hide, Day1, threadA, reason: "Off topic");
        await RecordAsync(world.App, moeId, ModerationActionKinds.Lock, Day1.AddDays(1), threadB);
        await RecordAsync(world.App, moeId, ModerationActionKinds.Suspend, Day1.AddDays(2).AddHours(11.5), subjectId: kitId, reason: "A few days away");
        return new Log(world, moe, adminId, moeId, kitId, samId, threadA, threadB);
    }

    private static IReadOnlyList<string> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("table.moderation-log tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();

    private static IReadOnlyList<string> Actions(IHtmlDocument page) =>
        page.QuerySelectorAll("table.moderation-log tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();

    [Test]
    public async Task Log_ForAModerator_ListsEveryActionNewestFirst_InPlainWords_LinkedFromTheModerationPage()
    {
        await using var log = await LogAsync();
        var moderation = await log.Moe.GetPageAsync("/forum/moderation");
        Assert.That(moderation.QuerySelector("main a[href='/forum/moderation/log']"), Is.Not.Null);

        var page = await log.Moe.GetPageAsync("/forum/moderation/log");

        Assert.That(page.Text("h1"), Is.EqualTo("Moderation log"));
        Assert.That(page.Text("table.moderation-log caption"), Is.Not.Empty);
        Assert.That(page.QuerySelectorAll("table.moderation-log thead th[scope=col]"), Has.Length.EqualTo(5));
        Assert.That(Actions(page), Is.EqualTo(new[] { "Suspended a member", "Locked a thread", "Hid a post" }));
        var rows = Rows(page);
        Assert.That(rows[0], Does.Contain("Member moe @moe").And.Contain("Member kit @kit").And.Contain("A few days away"));
        Assert.That(rows[2], Does.Contain("Apples").And.Contain("Off topic").And.Contain("@admin"));
        Assert.That(page.QuerySelector("table.moderation-log a[href^='/forum/t/']")?.GetAttribute("href"), Does.StartWith($"/forum/t/{log.ThreadB}/bananas"));
        Assert.That(page.QuerySelector("time[datetime='2030-03-03T23:30:00Z'][data-local-time]"), Is.Not.Null);
        Assert.That(page.QuerySelectorAll("select#Kind option").Select(o => o.TextContent), Does.Contain("Ended a suspension").And.Contain("Any action"));
        Assert.That(page.QuerySelector("form.log-filters")?.GetAttribute("method"), Is.EqualTo("get"));
        Assert.That(page.QuerySelector(".pagination"), Is.Null, "one page");
    }

    [Test]
    public async Task ActionTakenThroughTheSite_AppearsInTheLog()
    {
        await using var log = await LogAsync();
        var locked = await log.World.Admin.SubmitAsync($"/forum/t/{log.ThreadA}/apples?page=1", new Dictionary<string, string>(), "form[action*=Lock]");
        Assert.That((int)locked.StatusCode, Is.EqualTo(302));
        var page = await log.World.Admin.GetPageAsync($"/forum/moderation/log?Kind=Lock&Thread={log.ThreadA}");
        Assert.That(Rows(page), Has.Count.EqualTo(1));
        Assert.That(Rows(page)[0], Does.Contain("Locked a thread").And.Contain("Apples").And.Contain("@admin"));
    }

    [TestCase("Kind=Lock", new[] { "Locked a thread" })]
    [TestCase("Moderator=%40moe", new[] { "Suspended a member", "Locked a thread" })]
    [TestCase("Moderator=admin", new[] { "Hid a post" })]
    [TestCase("Member=kit", new[] { "Suspended a member" })]
    [TestCase("Member=sam", new string[0])]
    [TestCase("From=2030-03-02", new[] { "Suspended a member", "Locked a thread" })]
    [TestCase("To=2030-03-02", new[] { "Locked a thread", "Hid a post" })]
    [TestCase("From=2030-03-02&To=2030-03-02", new[] { "Locked a thread" })]
    [TestCase("From=2030-03-04&tz=Pacific%2FAuckland", new[] { "Suspended a member" })]
    [TestCase("To=2030-03-03&tz=Pacific%2FAuckland", new[] { "Locked a thread", "Hid a post" })]
    [TestCase("Moderator=moe&Kind=Suspend&From=2030-03-03&To=2030-03-03", new[] { "Suspended a member" })]
    [TestCase("Moderator=moe&Kind=Hide", new string[0])]
    public async Task Filter_NarrowsTheLog(string query, string[] expected)
    {
        await using var log = await LogAsync();
        var page = await log.World.Admin.GetPageAsync("/forum/moderation/log?" + query);
        Assert.That(page.ErrorSummary(), Is.Empty);
        Assert.That(Actions(page), Is.EqualTo(expected));
        Assert.That(page.Text("main"), Does.Contain(expected.Length == 0 ? "No moderation actions match." : "Actions that match"));
    }

    [Test]
    public async Task Filter_ByThread_ShowsOnlyThatThreadsActions_AndKeepsTheValues()
    {
        await using var log = await LogAsync();
        var page = await log.World.Admin.GetPageAsync($"/forum/moderation/log?Thread={log.ThreadA}&Kind=Hide");
        Assert.That(Actions(page), Is.EqualTo(new[] { "Hid a post" }));
        Assert.That(page.QuerySelector("#Thread")?.GetAttribute("value"), Is.EqualTo(log.ThreadA.ToString()));
        Assert.That(page.QuerySelector("#Kind option[selected]")?.GetAttribute("value"), Is.EqualTo("Hide"));
    }

    [Test]
    public async Task InvalidFilters_ReRenderWithTheErrorSummary_AndKeepTheValues()
    {
        await using var log = await LogAsync();
        var page = await log.Moe.GetPageAsync("/forum/moderation/log?Kind=Explode&Moderator=nobody&Member=%40ghost&Thread=abc&From=2030-02-30&To=yesterday");
        Assert.That(page.ErrorSummary(), Is.EquivalentTo(new[]
        {
            "Choose an action from the list", "No member has the handle nobody", "No member has the handle ghost",
            "Enter the thread number using digits only, like 123", "Enter a real “from” date, like 2026-03-31", "Enter a real “to” date, like 2026-03-31",
        }));
        Assert.That(page.Title, Does.StartWith("Error: "));
        foreach (var link in page.QuerySelectorAll(".error-summary a"))
        {
            Assert.That(page.QuerySelector(link.GetAttribute("href")!), Is.Not.Null, link.TextContent);
        }
        Assert.That(page.QuerySelector("#Moderator")?.GetAttribute("value"), Is.EqualTo("nobody"));
        Assert.That(page.QuerySelector("#Member")?.GetAttribute("value"), Is.EqualTo("@ghost"));
        Assert.That(page.QuerySelector("#From")?.GetAttribute("value"), Is.EqualTo("2030-02-30"));
        Assert.That(page.QuerySelector("#To")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
        Assert.That(page.QuerySelector("table.moderation-log"), Is.Null, "no results under errors");

        var reversed = await log.Moe.GetPageAsync("/forum/moderation/log?From=2030-03-03&To=2030-03-01");
        Assert.That(reversed.ErrorSummary(), Is.EqualTo(new[] { "The “to” date must be the same as or after the “from” date" }));
        Assert.That(reversed.QuerySelector("#From")?.GetAttribute("value"), Is.EqualTo("2030-03-03"));
    }

    [Test]
    public async Task Paging_OlderAndNewer_KeepsTheFilters_WithoutGapsOrRepeats()
    {
        await using var log = await LogAsync();
        // 120 suspensions by moe, one a minute, with lifts by the admin in between that the filter must leave out.
        for (var i = 0; i < 120; i++)
        {
            await RecordAsync(log.World.App, log.MoeId, ModerationActionKinds.Suspend, Day1.AddDays(5).AddMinutes(i), subjectId: log.SamId, reason: $"n{i:000}");
            await RecordAsync(log.World.App, log.AdminId, ModerationActionKinds.Unsuspend, Day1.AddDays(5).AddMinutes(i), subjectId: log.SamId, reason: $"lift{i:000}");
        }
        static IReadOnlyList<string> Reasons(IHtmlDocument page) =>
            page.QuerySelectorAll("table.moderation-log tbody tr td:nth-child(5)").Select(td => td.TextContent.Trim()).ToList();
        static string? Link(IHtmlDocument page, string text) =>
            page.QuerySelectorAll(".pagination a").FirstOrDefault(a => a.TextContent.StartsWith(text, StringComparison.Ordinal))?.GetAttribute("href");
        var expected = Enumerable.Range(0, 120).Reverse().Select(i => $"n{i:000}").Append("A few days away").ToList();

        var first = await log.Moe.GetPageAsync("/forum/moderation/log?Moderator=moe&Kind=Suspend");
        Assert.That(Link(first, "Newer"), Is.Null);
        var olderUrl = Link(first, "Older")!;
        Assert.That(olderUrl, Does.Contain("Moderator=moe").And.Contain("Kind=Suspend").And.Contain("before="));
        var second = await log.Moe.GetPageAsync(olderUrl);
        var third = await log.Moe.GetPageAsync(Link(second, "Older")!);
        Assert.That(Link(third, "Older"), Is.Null, "the last page");
        Assert.That(Reasons(first).Concat(Reasons(second)).Concat(Reasons(third)), Is.EqualTo(expected));

        var backToSecond = await log.Moe.GetPageAsync(Link(third, "Newer")!);
        Assert.That(Reasons(backToSecond), Is.EqualTo(Reasons(second)));
        var backToFirst = await log.Moe.GetPageAsync(Link(backToSecond, "Newer")!);
        Assert.That(Reasons(backToFirst), Is.EqualTo(Reasons(first)));
        Assert.That(Link(backToFirst, "Newer"), Is.Null);
        Assert.That(Link(backToSecond, "Newer"), Does.Contain("Moderator=moe").And.Contain("Kind=Suspend").And.Contain("after="));
    }

    [Test]
    public async Task Filter_ByCategory_AloneAndWithOthers_PagingKeepsIt_AndAnUnknownCategoryIsAnError()
    {
        await using var log = await LogAsync();
        await log.World.Admin.CreateCategoryAsync("Resources");
        var threadC = await log.World.Sam.StartThreadAsync("resources", "Cherries", "About cherries");
        var (general, resources) = (await log.World.App.ScalarAsync<long>("SELECT Id FROM ForumCategories WHERE Slug = 'general-chat'"),
            await log.World.App.ScalarAsync<long>("SELECT Id FROM ForumCategories WHERE Slug = 'resources'"));
        await RecordAsync(log.World.App, log.AdminId, ModerationActionKinds.Hide, Day1.AddDays(3), threadC, reason: "cherry hide");
        for (var i = 0; i < 55; i++)
        {
            await RecordAsync(log.World.App, log.MoeId, ModerationActionKinds.Lock, Day1.AddDays(4).AddMinutes(i), threadC, reason: $"c{i:00}");
        }

        var page = await log.Moe.GetPageAsync("/forum/moderation/log");
        Assert.That(page.QuerySelectorAll("select#Category option").Select(o => o.TextContent.Trim()), Is.SupersetOf(new[] { "Any category", "General chat", "Resources" }));
        Assert.That(Actions(await log.Moe.GetPageAsync($"/forum/moderation/log?Category={general}")), Is.EqualTo(new[] { "Locked a thread", "Hid a post" }),
            "only actions on threads in that category; the suspension has none");
        var combined = await log.Moe.GetPageAsync($"/forum/moderation/log?Category={resources}&Moderator=admin&Kind=Hide");
        Assert.That(Rows(combined).Single(), Does.Contain("Cherries").And.Contain("cherry hide"));
        Assert.That(combined.QuerySelector("#Category option[selected]")?.GetAttribute("value"), Is.EqualTo(resources.ToString()));
        Assert.That(Actions(await log.Moe.GetPageAsync($"/forum/moderation/log?Category={general}&Moderator=admin&Kind=Lock")), Is.Empty);

        var first = await log.Moe.GetPageAsync($"/forum/moderation/log?Category={resources}");
        var older = first.QuerySelectorAll(".pagination a").Single(a => a.TextContent.StartsWith("Older", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.That(older, Does.Contain($"Category={resources}"));
        var second = await log.Moe.GetPageAsync(older);
        Assert.That(Actions(first).Concat(Actions(second)), Is.EqualTo(Enumerable.Repeat("Locked a thread", 55).Append("Hid a post")));

        foreach (var wrong in new[] { "abc", "999999" })
        {
            var invalid = await log.Moe.GetPageAsync($"/forum/moderation/log?Category={wrong}&Kind=Lock");
            Assert.That(invalid.ErrorSummary(), Is.EqualTo(new[] { "Choose a category from the list" }));
            Assert.That(invalid.QuerySelector("table.moderation-log"), Is.Null);
            Assert.That(invalid.QuerySelector("#Kind option[selected]")?.GetAttribute("value"), Is.EqualTo("Lock"));
        }
    }

    [Test]
    public async Task Move_IsLoggedUnderTheCategoryTheThreadWentTo()
    {
        await using var log = await LogAsync();
        await log.World.Admin.CreateCategoryAsync("Resources");
        TestApp.AssertRedirect(await log.World.Admin.SubmitAsync($"/forum/t/{log.ThreadA}/move",
            new Dictionary<string, string> { ["Input.Category"] = "resources", ["Input.Confirm"] = "true" }), $"/forum/t/{log.ThreadA}/apples");
        var resources = await log.World.App.ScalarAsync<long>("SELECT Id FROM ForumCategories WHERE Slug = 'resources'");
        Assert.That(Actions(await log.Moe.GetPageAsync($"/forum/moderation/log?Category={resources}")), Is.EqualTo(new[] { "Moved a thread" }),
            "the earlier hide stays under the category it happened in");
    }

    [Test]
    public async Task ErasedModeratorAndMember_ShowAsAFormerMember()
    {
        await using var log = await LogAsync();
        foreach (var (client, handle) in new[] { (log.World.Kit, "kit"), (log.Moe, "moe") })
        {
            var deleted = await client.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = Journeys.Password });
            Assert.That((int)deleted.StatusCode, Is.LessThan(400));
            Assert.That(await log.World.App.ScalarAsync<long>("SELECT COUNT(*) FROM Members WHERE Handle = @handle", new { handle }), Is.Zero);
        }
        var page = await log.World.Admin.GetPageAsync("/forum/moderation/log?Kind=Suspend");
        var row = page.QuerySelectorAll("table.moderation-log tbody tr td").Select(td => td.TextContent.Trim()).ToList();
        Assert.That(row[1], Is.EqualTo("a former member"));
        Assert.That(row[3], Is.EqualTo("a former member"));
        Assert.That(page.Text("main"), Does.Not.Contain("Member kit").And.Not.Contain("@moe"));
        var unknown = await log.World.Admin.GetPageAsync("/forum/moderation/log?Moderator=moe");
        Assert.That(unknown.ErrorSummary(), Is.EqualTo(new[] { "No member has the handle moe" }));
    }

    [Test]
    public async Task Log_ForGuestsAndMembers_IsClosed()
    {
        await using var log = await LogAsync();
        TestApp.AssertRedirect(await log.World.App.NewBrowser().GetAsync("/forum/moderation/log"), "https://localhost/account/login");
        // Like every moderation page: the access-denied path, the 403 page.
        var member = await log.World.Kit.GetAsync("/forum/moderation/log?Moderator=moe");
        TestApp.AssertRedirect(member, "/errors/403");
        Assert.That((await log.Moe.GetAsync("/forum/moderation/log")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

/// <summary>Each filter of the log seeks an index that already holds the rows newest first: no full scan, no sort (SQLite's plan).</summary>
public sealed class ModerationLogQueryPlanTests
{
    private static readonly DateTimeOffset When = new(2030, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> Paths()
    {
        var none = ModerationLogFilter.None;
        yield return new TestCaseData(none, "IX_ModerationActions_CreatedAt").SetName("NoFilter_ReadsTheTimeIndex");
        yield return new TestCaseData(none with { From = When, To = When.AddDays(1) }, "IX_ModerationActions_CreatedAt").SetName("DateRange_SeeksTheTimeIndex");
        yield return new TestCaseData(none with { Action = "Hide" }, "IX_ModerationActions_Action_CreatedAt").SetName("Action_SeeksItsIndex");
        yield return new TestCaseData(none with { ModeratorId = 1 }, "IX_ModerationActions_ModeratorMemberId_CreatedAt").SetName("Moderator_SeeksItsIndex");
        yield return new TestCaseData(none with { SubjectMemberId = 1 }, "IX_ModerationActions_SubjectMemberId_CreatedAt").SetName("Member_SeeksItsIndex");
        yield return new TestCaseData(none with { ThreadId = 1 }, "IX_ModerationActions_ThreadId_CreatedAt").SetName("Thread_SeeksItsIndex");
        yield return new TestCaseData(none with { CategoryId = 1 }, "IX_ModerationActions_CategoryId_CreatedAt").SetName("Category_SeeksItsIndex");
        yield return new TestCaseData(none with { CategoryId = 1, From = When, To = When.AddDays(1) }, "IX_ModerationActions_CategoryId_CreatedAt")
            .SetName("CategoryAndDates_SeeksTheCategoryIndex");
        yield return new TestCaseData(none with { ModeratorId = 1, From = When }, "IX_ModerationActions_ModeratorMemberId_CreatedAt").SetName("ModeratorAndFrom_SeeksTheModeratorIndex");
    }

    [TestCaseSource(nameof(Paths))]
    public async Task LogQuery_ForEachFilter_UsesAnIndexWithoutSorting(ModerationLogFilter filter, string index)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = await database.OpenAsync();
        foreach (var cursor in new ModerationLogCursor?[] { null, new(5, Newer: false), new(5, Newer: true) })
        {
            var plan = string.Join("\n", (await Dapper.SqlMapper.QueryAsync<(long, long, long, string)>(connection,
                "EXPLAIN QUERY PLAN " + ModerationStore.LogSql(filter, cursor) + " LIMIT @Take", ModerationStore.LogArgs(filter, cursor, 51))).Select(r => r.Item4));
            var mainTable = plan.Split('\n').First(line => line.Contains(" a ", StringComparison.Ordinal) || line.EndsWith(" a", StringComparison.Ordinal)
                || line.Contains("ModerationActions AS a", StringComparison.Ordinal));
            Assert.That(mainTable, Does.Contain("USING INDEX " + index).Or.Contain("USING COVERING INDEX " + index), plan);
            Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), plan);
        }
    }
}
