using System.Net;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Messages;

/// <summary>Private messages: only their people read them; email and the header badge; blocking; reporting to moderators.</summary>
public sealed class MessageTests
{
    private static async Task<long> StartAsync(HttpClient from, string to, string body, string subject = "")
    {
        var response = await from.SubmitAsync("/messages/new", new Dictionary<string, string> { ["Input.To"] = to, ["Input.Subject"] = subject, ["Input.Body"] = body });
        TestApp.AssertRedirect(response, "/messages/");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[2].Split('#')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> ReplyAsync(HttpClient from, long conversation, string body) =>
        from.SubmitAsync($"/messages/{conversation}", new Dictionary<string, string> { ["Body"] = body }, "#message-form");

    [Test]
    public async Task AMessage_ReachesItsPeople_ByPageEmailAndBadge_AndNobodyElse()
    {
        await using var world = await ForumWorld.CreateAsync();
        var moe = await world.App.InviteMemberAsync(world.Admin, "moe@example.org", "moe", Roles.Moderator);
        await moe.TurnOnTwoFactorAsync();
        var lee = await world.App.InviteMemberAsync(world.Admin, "lee@example.org", "lee");
        var conversation = await StartAsync(world.Sam, "@kit", "Thinking of you this week.", "A hard week");

        var mail = await world.App.LastMailToAsync("kit@example.org");
        Assert.That(mail.Subject, Is.EqualTo("Member sam sent you a message"));
        Assert.That(mail.TextBody, Does.Contain($"/messages/{conversation}").And.Not.Contain("A hard week").And.Not.Contain("Thinking of you"),
            "the subject and the message stay on the site");
        Assert.That((await world.Kit.GetPageAsync("/forum")).Text("#messages-badge"), Does.Contain("1 conversation with unread messages"));
        var page = await world.Kit.GetPageAsync($"/messages/{conversation}");
        Assert.That(page.Text("[role=log]"), Does.Contain("Thinking of you this week."));
        Assert.That((await world.Kit.GetPageAsync("/forum")).Text("#messages-badge"), Is.EqualTo("Messages"), "read");

        TestApp.AssertRedirect(await ReplyAsync(world.Kit, conversation, "Thank you, that means a lot."), $"/messages/{conversation}");
        // What live.js fetches when the hub says a message arrived: only the newer ones, by the page's own rule.
        var after = await (await world.Sam.GetAsync($"/messages/{conversation}?handler=After&after=1")).Content.ReadAsStringAsync();
        Assert.That(after, Does.Contain("Thank you, that means a lot.").And.Not.Contain("Thinking of you").And.Not.Contain("<html"));
        Assert.That((await world.Sam.GetPageAsync("/messages")).Text(".thread-list"), Does.Contain("A hard week").And.Not.Contain("1 new"), "read through the live fetch");

        // Nobody outside the conversation can open it or write in it: not another member, not a moderator, not an admin.
        foreach (var (name, browser) in new[] { ("lee", lee), ("moderator", moe), ("admin", world.Admin) })
        {
            Assert.That((await browser.GetAsync($"/messages/{conversation}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), name);
            Assert.That((await browser.GetAsync($"/messages/{conversation}?handler=After&after=0")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), name + " live fetch");
            var token = (await browser.GetPageAsync("/messages/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var post = await browser.PostAsync($"/messages/{conversation}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Body"] = "Let me in",
            }));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), name + " posting");
            Assert.That((await browser.GetPageAsync("/messages")).Text("main"), Does.Not.Contain("A hard week"), name);
        }
        TestApp.AssertRedirect(await world.App.NewBrowser().GetAsync($"/messages/{conversation}"), "https://localhost/account/login");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM DirectMessages WHERE Body = 'Let me in'"), Is.Zero);
    }

    [Test]
    public async Task BadInput_IsExplained_AndKept()
    {
        await using var world = await ForumWorld.CreateAsync();
        async Task<AngleSharp.Html.Dom.IHtmlDocument> TryAsync(string to, string body) =>
            await Forms.ParseAsync(await world.Sam.SubmitAsync("/messages/new", new Dictionary<string, string> { ["Input.To"] = to, ["Input.Body"] = body }));
        var unknown = await TryAsync("kit, nobody-here", "Hello both");
        Assert.That(unknown.ErrorSummary(), Is.EqualTo(new[] { "There is no member with the handle nobody-here" }));
        Assert.That(unknown.QuerySelector("#Input_Body")!.TextContent, Is.EqualTo("Hello both"), "the message is kept");
        Assert.That((await TryAsync("sam", "Note to self")).ErrorSummary(), Is.EqualTo(new[] { "Write to someone other than yourself" }));
        Assert.That((await TryAsync("", "  ")).ErrorSummary(), Is.EqualTo(new[] { "Enter the handle of the member you want to write to", "Write a message before sending" }));
        Assert.That((await TryAsync(string.Join(",", Enumerable.Range(0, 9).Select(i => $"m{i}")), "Hi")).ErrorSummary(),
            Is.EqualTo(new[] { "A group message can go to up to 8 members" }));
        Assert.That((await world.Sam.GetPageAsync("/messages/new?to=@kit")).QuerySelector("#Input_To")!.GetAttribute("value"), Is.EqualTo("kit"));
        Assert.That((await world.Sam.GetAsync("/messages/999999")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await world.Sam.GetAsync("/messages/report/999999")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Blocking_StopsMessagesBothWays_UntilLifted()
    {
        await using var world = await ForumWorld.CreateAsync();
        var conversation = await StartAsync(world.Sam, "kit", "Hello Kit");
        var kitId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'kit'");
        var samId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'sam'");
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/messages/{conversation}", new Dictionary<string, string>(), "form[action*=Block]"), $"/messages/{conversation}");
        Assert.That(await world.App.ScalarAsync<long>("SELECT BlockedId FROM MemberBlocks WHERE BlockerId = @Kit", new { Kit = kitId }), Is.EqualTo(samId));

        var refused = await Forms.ParseAsync(await ReplyAsync(world.Sam, conversation, "Why won't you answer?"));
        Assert.That(refused.ErrorSummary(), Is.EqualTo(new[] { "This message cannot be delivered." }), "Sam is not told he is blocked");
        Assert.That(refused.QuerySelector("#Body")!.TextContent, Is.EqualTo("Why won't you answer?"));
        Assert.That((await Forms.ParseAsync(await ReplyAsync(world.Kit, conversation, "Please stop"))).ErrorSummary(),
            Is.EqualTo(new[] { "You have blocked someone here. Unblock them to send a message." }), "both ways");
        var fresh = await Forms.ParseAsync(await world.Sam.SubmitAsync("/messages/new", new Dictionary<string, string> { ["Input.To"] = "kit", ["Input.Body"] = "Again" }));
        Assert.That(fresh.ErrorSummary(), Is.EqualTo(new[] { "This message cannot be delivered." }));
        Assert.That((await world.Kit.GetPageAsync("/messages/blocked")).Text("main"), Does.Contain("Member sam"));

        TestApp.AssertRedirect(await world.Kit.SubmitAsync("/messages/blocked", new Dictionary<string, string>()), "/messages/blocked");
        TestApp.AssertRedirect(await ReplyAsync(world.Sam, conversation, "Sorry, I'll leave it there."), $"/messages/{conversation}");
    }

    [Test]
    public async Task AReport_ShowsModeratorsOnlyThatMessageAndItsContext_AndEveryReadingIsLogged()
    {
        await using var world = await ForumWorld.CreateAsync();
        var moe = await world.App.InviteMemberAsync(world.Admin, "moe@example.org", "moe", Roles.Moderator);
        await moe.TurnOnTwoFactorAsync();
        var conversation = await StartAsync(world.Sam, "kit", "Message one, long before");
        foreach (var i in Enumerable.Range(2, 8))
        {
            TestApp.AssertRedirect(await ReplyAsync(i % 2 == 0 ? world.Kit : world.Sam, conversation, $"Message {i}"), $"/messages/{conversation}");
        }
        var reported = await world.App.ScalarAsync<long>("SELECT Id FROM DirectMessages WHERE Body = 'Message 9'");
        Assert.That((await world.Sam.GetAsync($"/messages/report/{reported}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not your own message");
        var before = (await world.App.MailAsync()).Count;
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/messages/report/{reported}", new Dictionary<string, string> { ["Note"] = "This frightened me" }),
            $"/messages/{conversation}");
        var alerts = (await world.App.MailAsync()).Skip(before).ToList();
        Assert.That(alerts.Select(m => m.ToAddress), Is.EquivalentTo(new[] { "admin@example.org", "moe@example.org" }));
        Assert.That(alerts.Select(m => m.TextBody), Has.All.Not.Contain("Message 9"));
        Assert.That((await moe.GetPageAsync("/forum")).Text("#moderation-badge"), Does.Contain("1 open report"));
        Assert.That((await world.Sam.GetAsync("/messages/reports")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));

        var list = await moe.GetPageAsync("/messages/reports");
        var link = list.QuerySelector("main .card-list a")!.GetAttribute("href")!;
        Assert.That(list.Text("main"), Does.Not.Contain("Message 9"), "the list names people, not words");
        var detail = await moe.GetPageAsync(link);
        var shown = detail.Text("[role=log]");
        Assert.That(shown, Does.Contain("Message 9").And.Contain("Message 6").And.Contain("Message 8"));
        Assert.That(detail.Text("main"), Does.Contain("This frightened me"));
        Assert.That(shown, Does.Not.Contain("Message 5").And.Not.Contain("long before"), "only three either side");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM ModerationActions WHERE Action = 'ReadReportedMessage'"), Is.EqualTo(1));
        Assert.That((await moe.GetAsync($"/messages/{conversation}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the conversation itself stays closed");

        var missing = await Forms.ParseAsync(await moe.SubmitAsync(link, new Dictionary<string, string>()));
        Assert.That(missing.ErrorSummary(), Is.EqualTo(new[] { "Say what you did about it" }));
        TestApp.AssertRedirect(await moe.SubmitAsync(link, new Dictionary<string, string> { ["Resolution"] = "Spoke to Sam" }), "/messages/reports");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM ModerationActions WHERE Action = 'ResolveMessageReport' AND Reason = 'Spoke to Sam'"), Is.EqualTo(1));
        Assert.That((await moe.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "resolved: closed to moderators again");
    }

    [Test]
    public async Task ALeavingMember_LeavesTheirConversations_WhileTheOthersKeepWhatWasSaid()
    {
        await using var world = await ForumWorld.CreateAsync();
        var conversation = await StartAsync(world.Sam, "kit", "Before I go");
        TestApp.AssertRedirect(await ReplyAsync(world.Kit, conversation, "Take care"), $"/messages/{conversation}");
        await world.Kit.SubmitAsync($"/messages/{conversation}", new Dictionary<string, string>(), "form[action*=Block]");
        var export = await (await world.Sam.GetAsync("/account/export")).Content.ReadAsStringAsync();
        Assert.That(export, Does.Contain("Before I go").And.Not.Contain("Take care"), "their copy holds what they sent");

        var deleted = await world.Sam.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = Journeys.Password, ["Input.Posts"] = "Keep" });
        Assert.That((int)deleted.StatusCode, Is.EqualTo(302));
        var page = await world.Kit.GetPageAsync($"/messages/{conversation}");
        Assert.That(page.Text("[role=log]"), Does.Contain("a former member").And.Contain("Before I go"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM MemberBlocks"), Is.Zero);
    }
}
