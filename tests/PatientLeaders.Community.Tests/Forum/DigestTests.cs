using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Email;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>Daily and weekly digests: on schedule by the fake clock, each period once however many runs race, visibility judged at send time.</summary>
public sealed class DigestTests
{
    // FakeClock.DefaultStart is Monday 14 January 2030, 09:00 UTC; digests go out from 07:00.
    private static readonly DateTimeOffset Monday = FakeClock.DefaultStart;

    private static async Task<IReadOnlyList<SentMail>> DigestsToAsync(ForumWorld world, string address) =>
        (await world.App.MailAsync()).Where(m => m.ToAddress == address && m.Subject.StartsWith("Forum digest", StringComparison.Ordinal)).ToList();

    private static async Task ChooseAsync(HttpClient member, string frequency) =>
        TestApp.AssertRedirect(await member.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.DigestFrequency"] = frequency }), "/account/settings");

    [TestCase("2030-01-14T09:00:00Z", DigestFrequencies.Daily, "Daily:2030-01-13", "2030-01-13", "2030-01-14")]
    [TestCase("2030-01-14T06:59:59Z", DigestFrequencies.Daily, "Daily:2030-01-12", "2030-01-12", "2030-01-13")]
    [TestCase("2030-01-14T07:00:00Z", DigestFrequencies.Weekly, "Weekly:2030-W02", "2030-01-07", "2030-01-14")]
    [TestCase("2030-01-14T06:00:00Z", DigestFrequencies.Weekly, "Weekly:2030-W01", "2029-12-31", "2030-01-07")]
    [TestCase("2030-01-20T23:00:00Z", DigestFrequencies.Weekly, "Weekly:2030-W02", "2030-01-07", "2030-01-14")]
    public void LatestDue_IsTheLastFinishedPeriodWhoseHourHasCome(string now, string frequency, string key, string from, string to)
    {
        var period = DigestPeriod.LatestDue(frequency, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), 7);
        Assert.That(period.Key, Is.EqualTo(key));
        Assert.That(period.From, Is.EqualTo(DateTimeOffset.Parse(from + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(period.To, Is.EqualTo(DateTimeOffset.Parse(to + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(DigestPeriod.FromKey(period.Key), Is.EqualTo(period), "a stored key gives back its period");
    }

    [TestCase("Daily:2030-02-30")]
    [TestCase("Weekly:2030-W54")]
    [TestCase("Monthly:2030-01")]
    [TestCase("Daily:")]
    public void FromKey_UnknownKey_IsNull(string key) => Assert.That(DigestPeriod.FromKey(key), Is.Null);

    [Test]
    public async Task MissedDays_NextRunSendsOneDigestSinceTheLastOne_NeverTwice_AndNotBeyondTheCatchUpWindow()
    {
        var clock = new FakeClock(Monday);
        await using var world = await ForumWorld.CreateAsync(clock: clock);
        var digests = world.App.Service<ForumDigests>();
        // Days pass between posts: longer than a session stays idle, so sam signs in afresh each time.
        async Task SamRepliesAsync(long thread, string text)
        {
            var sam = world.App.NewBrowser();
            TestApp.AssertRedirect(await sam.SubmitAsync("/account/login",
                new Dictionary<string, string> { ["Input.Email"] = "sam@example.org", ["Input.Password"] = Journeys.Password }), "/");
            await sam.ReplyAsync(thread, text);
        }
        await ChooseAsync(world.Kit, DigestFrequencies.Daily);
        var threadId = await world.Kit.StartThreadAsync("general-chat", "Kit asks", "Opening");
        await world.Sam.ReplyAsync(threadId, "Canary-monday");
        clock.SetUtcNow(Monday.AddDays(1));
        Assert.That(await digests.SendDueAsync(CancellationToken.None), Is.EqualTo(1), "Monday's digest, on Tuesday");
        await SamRepliesAsync(threadId, "Canary-tuesday");

        // The server is down from Tuesday 09:00 until Thursday 09:00: Tuesday's digest was due on Wednesday and never went.
        clock.SetUtcNow(Monday.AddDays(2).AddHours(1));
        await SamRepliesAsync(threadId, "Canary-wednesday");
        clock.SetUtcNow(Monday.AddDays(3));
        Assert.That(await digests.SendDueAsync(CancellationToken.None), Is.EqualTo(1), "one mail, not one per missed day");
        Assert.That(await digests.SendDueAsync(CancellationToken.None), Is.Zero, "never twice");

        var sent = await DigestsToAsync(world, "kit@example.org");
        Assert.That(sent, Has.Count.EqualTo(2));
        Assert.That(sent[1].Subject, Is.EqualTo("Forum digest: 2 new posts since Tuesday 15 January"));
        Assert.That(sent[1].TextBody, Does.Contain("Canary-tuesday").And.Contain("Canary-wednesday").And.Not.Contain("Canary-monday"));
        Assert.That(await world.App.ScalarAsync<string>("SELECT group_concat(Period, ' ') FROM (SELECT Period FROM ForumDigests ORDER BY Period)"),
            Is.EqualTo("Daily:2030-01-14 Daily:2030-01-16"), "the catch-up is recorded under the latest period's key");

        // Down for longer than ForumDigests:CatchUpDays (14): only the latest day comes, not a month of posts.
        clock.SetUtcNow(Monday.AddDays(10));
        await SamRepliesAsync(threadId, "Canary-too-old");
        clock.SetUtcNow(Monday.AddDays(30));
        await SamRepliesAsync(threadId, "Canary-yesterday");
        clock.SetUtcNow(Monday.AddDays(31));
        Assert.That(await digests.SendDueAsync(CancellationToken.None), Is.EqualTo(1));
        var late = (await DigestsToAsync(world, "kit@example.org"))[^1];
        Assert.That(late.Subject, Is.EqualTo("Forum digest: 1 new post on Wednesday 13 February"));
        Assert.That(late.TextBody, Does.Contain("Canary-yesterday").And.Not.Contain("Canary-too-old"));
    }

    [Test]
    public async Task AWelshMembersMail_IsInWelsh_WhileTheServerAndTheSenderUseEnglish()
    {
        Assert.That(System.Globalization.CultureInfo.CurrentCulture.Name, Is.Not.EqualTo("cy-GB"), "the job runs in the server's culture");
        var clock = new FakeClock(Monday);
        await using var world = await ForumWorld.CreateAsync(clock: clock);
        await ChooseAsync(world.Kit, DigestFrequencies.Daily);
        TestApp.AssertRedirect(await world.Kit.ClickAsync("/account/settings", "main form.language-switch button[value=cy-GB]"), "/account/settings");
        var threadId = await world.Kit.StartThreadAsync("general-chat", "Tea and sympathy", "Opening");
        await world.Sam.ReplyAsync(threadId, "Thinking of you @kit");

        // Sam writes in English; the mail at once to Kit is in Welsh.
        var atOnce = (await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org")).Single();
        Assert.That(atOnce.Subject, Is.EqualTo("Soniodd Member sam amdanoch yn “Tea and sympathy”"));
        Assert.That(atOnce.TextBody, Does.Contain("Helo Member kit,").And.Contain("Darllenwch y neges gyfan ac atebwch:"));

        clock.SetUtcNow(Monday.AddDays(1));
        Assert.That(await world.App.Service<ForumDigests>().SendDueAsync(CancellationToken.None), Is.EqualTo(1));
        var digest = (await world.App.MailAsync()).Single(m => m.ToAddress == "kit@example.org" && m.Subject.StartsWith("Crynodeb y fforwm", StringComparison.Ordinal));
        Assert.That(digest.Subject, Is.EqualTo("Crynodeb y fforwm: 1 neges newydd ar 14 Ionawr"));
        Assert.That(digest.TextBody, Does.Contain("Negeseuon newydd ar 14 Ionawr yn yr edafedd").And.Contain("Ysgrifennodd Member sam:").And.Contain("Thinking of you @kit"));
        Assert.That(digest.TextBody, Does.Contain("Rhoi'r gorau i'r negeseuon e-bost hyn"), "the footer too");

        // A member with no language chosen still gets English.
        var samMail = (await world.App.MailAsync()).Where(m => m.ToAddress == "sam@example.org").ToList();
        Assert.That(samMail.Where(m => m.Subject.Contains("Crynodeb", StringComparison.Ordinal) || m.Subject.Contains("Soniodd", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task MentionsAtOnceAndAWeeklyDigest_TheMemberGetsBoth()
    {
        var clock = new FakeClock(Monday);
        await using var world = await ForumWorld.CreateAsync(clock: clock);
        await ChooseAsync(world.Kit, DigestFrequencies.Weekly);
        var threadId = await world.Kit.StartThreadAsync("general-chat", "Both kinds", "Opening");
        await world.Sam.ReplyAsync(threadId, "Thinking of you @kit");

        var atOnce = (await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org")).Single();
        Assert.That(atOnce.Subject, Is.EqualTo("Member sam mentioned you in “Both kinds”"));
        clock.SetUtcNow(Monday.AddDays(7));
        Assert.That(await world.App.Service<ForumDigests>().SendDueAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That((await DigestsToAsync(world, "kit@example.org")).Single().TextBody, Does.Contain("Thinking of you @kit"));
    }

    [Test]
    public async Task DailyDigest_FollowedThreadsAndCategories_SentOnceAfterTheDay_WithoutMutedIgnoredOwnOrInvisiblePosts()
    {
        var clock = new FakeClock(Monday);
        await using var world = await ForumWorld.CreateAsync(clock: clock);
        var digests = world.App.Service<ForumDigests>();
        await world.Admin.CreateCategoryAsync("Coordinators", slug: "coordinators");
        await ChooseAsync(world.Kit, DigestFrequencies.Daily);
        var own = await world.Kit.StartThreadAsync("general-chat", "Kit asks", "My own opening words");
        TestApp.AssertRedirect(await world.Kit.SubmitAsync("/forum/coordinators", new Dictionary<string, string>(), "form[action*=Follow]"), "/forum/coordinators");
        Assert.That((await world.Kit.GetPageAsync("/forum/coordinators")).Text(".button-row button.secondary"), Does.StartWith("Stop following"));

        await world.Sam.ReplyAsync(own, "Sam answers in a followed thread");
        await world.Sam.StartThreadAsync("coordinators", "Category news", "New thread in a followed category");
        var muted = await world.Sam.StartThreadAsync("coordinators", "Muted news", "Canary-muted");
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/forum/t/{muted}/muted-news?page=1", new Dictionary<string, string> { ["level"] = "Muted" },
            "form[action*=Subscribe]"), $"/forum/t/{muted}");
        await world.Sam.StartThreadAsync("general-chat", "Not followed", "Canary-unfollowed");
        var lee = await world.App.InviteMemberAsync(world.Admin, "lee@example.org", "lee");
        var leePost = await lee.ReplyAsync(own, "Canary-ignored");
        TestApp.AssertRedirect(await world.Kit.ClickAsync($"/forum/t/{own}/kit-asks?page=1",
            $"#post-{leePost} button[formaction*=Ignore]"), $"/forum/t/{own}");
        await world.Admin.CreateCategoryAsync("Soon private", slug: "soon-private");
        TestApp.AssertRedirect(await world.Kit.SubmitAsync("/forum/soon-private", new Dictionary<string, string>(), "form[action*=Follow]"), "/forum/soon-private");
        await world.Sam.StartThreadAsync("soon-private", "Private later", "Canary-restricted");

        Assert.That(await digests.SendDueAsync(CancellationToken.None), Is.Zero, "Monday's posts wait for Tuesday's digest");

        // Before Tuesday's digest, that category closes to moderators: what is sent is judged then, not when written.
        var restricted = await world.App.ScalarAsync<long>("SELECT Id FROM ForumCategories WHERE Slug = 'soon-private'");
        TestApp.AssertRedirect(await world.Admin.SubmitAsync($"/forum/admin/categories/edit/{restricted}", new Dictionary<string, string> { ["Input.Roles"] = "Moderator" }),
            "/forum/admin/categories");

        clock.SetUtcNow(Monday.AddHours(22));
        Assert.That(await digests.SendDueAsync(CancellationToken.None), Is.EqualTo(1));
        var mail = (await DigestsToAsync(world, "kit@example.org")).Single();
        Assert.That(mail.Subject, Is.EqualTo("Forum digest: 2 new posts on Monday 14 January"));
        Assert.That(mail.TextBody, Does.Contain("== Kit asks ==").And.Contain("Member sam wrote:\n> Sam answers in a followed thread")
            .And.Contain("== Category news ==").And.Contain("> New thread in a followed category")
            .And.Contain("https://localhost/forum/p/").And.Contain("https://localhost/unsubscribe/"));
        foreach (var canary in new[] { "Canary-muted", "Canary-unfollowed", "Canary-ignored", "Canary-restricted", "My own opening words" })
        {
            Assert.That(mail.TextBody, Does.Not.Contain(canary));
        }
        Assert.That(await world.App.ScalarAsync<string>("SELECT ListUnsubscribe FROM MailOutbox WHERE Subject LIKE 'Forum digest%'"),
            Is.EqualTo(EmailNotificationTests.UnsubscribeLink(mail)));

        Assert.That(await digests.SendDueAsync(CancellationToken.None), Is.Zero, "the same period is never sent twice");
        clock.SetUtcNow(Monday.AddDays(2));
        Assert.That(await digests.SendDueAsync(CancellationToken.None), Is.Zero, "nothing new on Tuesday: no empty digest");
        Assert.That(await DigestsToAsync(world, "kit@example.org"), Has.Count.EqualTo(1));
        Assert.That(await DigestsToAsync(world, "sam@example.org"), Is.Empty, "sam gets mail at once, not digests");
    }

    [Test]
    public async Task FollowCategory_RestrictedCategory_OutsiderGetsTheAnswerForAMissingOne_AndNothingIsStored()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Moderators only", role: "Moderator", slug: "mods");
        var form = await world.Kit.GetPageAsync("/forum/general-chat");
        var token = form.QuerySelector("form[action*=Follow] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new Dictionary<string, string> { ["follow"] = "true", ["__RequestVerificationToken"] = token };

        var restricted = await world.Kit.PostAsync("/forum/mods?handler=Follow", new FormUrlEncodedContent(values));
        var missing = await world.Kit.PostAsync("/forum/no-such-category?handler=Follow", new FormUrlEncodedContent(values));

        Assert.That(restricted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(missing.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CategorySubscriptions"), Is.Zero);
        TestApp.AssertRedirect(await world.Kit.PostAsync("/forum/general-chat?handler=Follow", new FormUrlEncodedContent(values)), "/forum/general-chat");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CategorySubscriptions"), Is.EqualTo(1), "the same request works where the member may look");
    }

    [Test]
    public async Task TwoConcurrentRuns_SendEachMembersPeriodExactlyOnce()
    {
        var clock = new FakeClock(Monday);
        await using var world = await ForumWorld.CreateAsync(new Dictionary<string, string?> { ["RateLimits:RegistrationPerTenMinutes"] = "100" }, clock);
        var members = new List<(HttpClient Client, string Address)> { (world.Kit, "kit@example.org"), (world.Admin, "admin@example.org") };
        foreach (var handle in new[] { "lee", "robin", "alex" })
        {
            members.Add((await world.App.InviteMemberAsync(world.Admin, $"{handle}@example.org", handle), $"{handle}@example.org"));
        }
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Busy week", "Opening");
        foreach (var (client, _) in members)
        {
            await ChooseAsync(client, DigestFrequencies.Weekly);
            TestApp.AssertRedirect(await client.SubmitAsync($"/forum/t/{threadId}/busy-week?page=1", new Dictionary<string, string> { ["level"] = "Following" },
                "form[action*=Subscribe]"), $"/forum/t/{threadId}");
        }
        await world.Sam.ReplyAsync(threadId, "A reply everyone follows");

        clock.SetUtcNow(Monday.AddDays(7).AddHours(-1));
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => world.App.Service<ForumDigests>().SendDueAsync(CancellationToken.None))));

        Assert.That(runs.Sum(), Is.EqualTo(members.Count));
        foreach (var (_, address) in members)
        {
            var mail = (await DigestsToAsync(world, address)).Single();
            Assert.That(mail.Subject, Is.EqualTo("Forum digest: 2 new posts in the week from Monday 14 January"));
        }
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM ForumDigests WHERE Period = 'Weekly:2030-W03'"), Is.EqualTo(members.Count));
    }
}
