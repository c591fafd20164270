using System.Text.RegularExpressions;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Email;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>Immediate email for mentions and replies, written with the post; never leaking, never to the wrong people.</summary>
public sealed partial class EmailNotificationTests
{
    internal static async Task<IReadOnlyList<SentMail>> ForumMailToAsync(TestApp app, string address) =>
        (await app.MailAsync()).Where(m => m.ToAddress == address && m.TextBody.Contains("/forum/p/", StringComparison.Ordinal)).ToList();

    private static Task<IReadOnlyList<SentMail>> ForumMailToAsync(ForumWorld world, string address) => ForumMailToAsync(world.App, address);

    internal static string UnsubscribeLink(SentMail mail) => UnsubscribePattern().Match(mail.TextBody).Value;

    [Test]
    public async Task Mention_EmailsImmediately_WithTitleAuthorTextLinkAndOneClickUnsubscribe()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Managing fatigue", "What helps you pace, @kit? I use **a diary**.");
        var postId = await world.App.OpeningPostIdAsync(threadId);
        var mail = (await ForumMailToAsync(world, "kit@example.org")).Single();
        Assert.That(mail.Subject, Is.EqualTo("Member sam mentioned you in “Managing fatigue”"));
        Assert.That(mail.TextBody, Does.Contain("“Managing fatigue”").And.Contain("> What helps you pace, @kit? I use a diary.")
            .And.Contain($"https://localhost/forum/p/{postId}"));
        var link = UnsubscribeLink(mail);
        Assert.That(link, Does.StartWith("https://localhost/unsubscribe/"));
        Assert.That(await world.App.ScalarAsync<string>("SELECT ListUnsubscribe FROM MailOutbox WHERE ToAddress = 'kit@example.org' AND TextBody LIKE '%/forum/p/%'"),
            Is.EqualTo(link), "the header the transport sends is the link in the body");
        Assert.That(await ForumMailToAsync(world, "sam@example.org"), Is.Empty, "never to the author");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM MailOutbox WHERE ListUnsubscribe IS NOT NULL AND TextBody NOT LIKE '%/forum/p/%'"), Is.Zero,
            "account mail (invitations) carries no list headers");
    }

    [Test]
    public async Task ReplyToOwnPost_EmailsTheAuthorOfThatPost_TrimmedToAbout1500Characters()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Long answers", "Tell me everything");
        var longText = string.Join(" ", Enumerable.Repeat("word", 800));
        await world.Kit.ReplyAsync(threadId, longText);
        var mail = (await ForumMailToAsync(world, "sam@example.org")).Single();
        Assert.That(mail.Subject, Is.EqualTo("Member kit replied to you in “Long answers”"));
        var quoted = mail.TextBody.Split('\n').Single(l => l.StartsWith("> ", StringComparison.Ordinal));
        Assert.That(quoted.Length, Is.InRange(ForumMail.ExcerptLength / 2, ForumMail.ExcerptLength + 10));
        Assert.That(quoted, Does.EndWith("…"));
    }

    [Test]
    public async Task ReplyToAReply_EmailsThatReplysAuthor_EvenAfterTheyStoppedFollowing_ButNotTheOthers()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Pacing", "Opening");
        var kitReply = await world.Kit.ReplyAsync(threadId, "Kit's thought");
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/forum/t/{threadId}/pacing?page=1", new Dictionary<string, string> { ["level"] = "None" },
            "form[action*=Subscribe]"), $"/forum/t/{threadId}");
        var samBefore = (await ForumMailToAsync(world, "sam@example.org")).Count;

        await world.Sam.ReplyAsync(threadId, "Answering Kit", to: kitReply);

        var mail = (await ForumMailToAsync(world, "kit@example.org")).Single();
        Assert.That(mail.Subject, Is.EqualTo("Member sam replied to you in “Pacing”"));
        Assert.That(mail.TextBody, Does.Contain("> Answering Kit"));
        Assert.That((await ForumMailToAsync(world, "sam@example.org")).Count, Is.EqualTo(samBefore), "the writer is not mailed about their own reply");
    }

    [Test]
    public async Task NoEmail_WhenMutedIgnoringSwitchedOffOrCannotSee()
    {
        await using var world = await ForumWorld.CreateAsync();
        var muted = await world.Sam.StartThreadAsync("general-chat", "Muted one", "Opening");
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/forum/t/{muted}/muted-one?page=1", new Dictionary<string, string> { ["level"] = "Muted" },
            "form[action*=Subscribe]"), $"/forum/t/{muted}");
        await world.Sam.ReplyAsync(muted, "Hello @kit (muted)");

        await world.Admin.CreateCategoryAsync("Moderators only", role: "Moderator", slug: "mods");
        await world.Admin.StartThreadAsync("mods", "Private", "Canary-5521 about @kit");

        TestApp.AssertRedirect(await world.Kit.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.EmailImmediately"] = "false" }), "/account/settings");
        await world.Sam.StartThreadAsync("general-chat", "Digest reader", "Hi @kit (digest)");

        Assert.That(await ForumMailToAsync(world, "kit@example.org"), Is.Empty);
        Assert.That((await world.App.MailAsync()).Any(m => m.TextBody.Contains("Canary-5521", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task NoEmail_FromAnIgnoredMember()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Kit.StartThreadAsync("general-chat", "Ignore test", "Opening");
        var samPost = await world.Sam.ReplyAsync(threadId, "First");
        TestApp.AssertRedirect(await world.Kit.ClickAsync($"/forum/t/{threadId}/ignore-test?page=1",
            $"#post-{samPost} button[formaction*=Ignore]"), $"/forum/t/{threadId}");
        var before = (await ForumMailToAsync(world, "kit@example.org")).Count;
        await world.Sam.ReplyAsync(threadId, "Hello again @kit");
        Assert.That((await ForumMailToAsync(world, "kit@example.org")).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task Edit_NotifiesAndEmailsOnlyMembersNewlyMentioned_AndNeverTwice()
    {
        await using var world = await ForumWorld.CreateAsync();
        var lee = await world.App.InviteMemberAsync(world.Admin, "lee@example.org", "lee");
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Edits", "Opening");
        var reply = await world.Sam.ReplyAsync(threadId, "Thanks @kit");
        Assert.That(await ForumMailToAsync(world, "kit@example.org"), Has.Count.EqualTo(1));

        await EditAsync(world.Sam, reply, "Thanks @kit and @lee");
        Assert.That(await ForumMailToAsync(world, "kit@example.org"), Has.Count.EqualTo(1), "already mentioned: no second mail");
        var leeMail = (await ForumMailToAsync(world, "lee@example.org")).Single();
        Assert.That(leeMail.Subject, Is.EqualTo("Member sam mentioned you in “Edits”"));
        Assert.That(leeMail.TextBody, Does.Contain("> Thanks @kit and @lee"));
        Assert.That(Squash((await lee.GetPageAsync("/")).Text("#notification-badge")), Is.EqualTo("Notifications, 1 unread"));

        await EditAsync(world.Sam, reply, "Thanks all");
        await EditAsync(world.Sam, reply, "Thanks @kit and @lee, again");
        Assert.That(await ForumMailToAsync(world, "kit@example.org"), Has.Count.EqualTo(1), "a name removed and put back does not notify again");
        Assert.That(await ForumMailToAsync(world, "lee@example.org"), Has.Count.EqualTo(1));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE Kind = 'Mention' AND PostId = @PostId", new { PostId = reply }),
            Is.EqualTo(2));
    }

    private static async Task EditAsync(HttpClient member, long postId, string body) =>
        TestApp.AssertRedirect(await member.SubmitAsync($"/forum/p/{postId}/edit", new Dictionary<string, string> { ["Input.Body"] = body }), "/forum/t/");

    internal static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [GeneratedRegex(@"https://localhost/unsubscribe/[A-Za-z0-9_\-]+")]
    private static partial Regex UnsubscribePattern();
}
