using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class ModerationTests
{
    [Test]
    public async Task HiddenPost_ShowsItsReasonToTheAuthor_APlaceholderToOthers_AndIsAudited()
    {
        await using var world = await ForumWorld.CreateAsync();
        var moderator = await world.App.InviteMemberAsync(world.Admin, "moe@example.org", "moe", Roles.Moderator);
        await moderator.TurnOnTwoFactorAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Heated", "Opening");
        var reply = await world.Kit.ReplyAsync(threadId, "Something unkind");
        var url = $"/forum/t/{threadId}/heated?page=1";

        var hidden = await moderator.SubmitAsync(url, new Dictionary<string, string> { ["reason"] = "Please keep it kind" }, $"#post-{reply} form[action*=Hide]");
        TestApp.AssertRedirect(hidden, $"/forum/t/{threadId}");
        Assert.That((await world.Sam.GetPageAsync(url)).Text($"#post-{reply}"), Does.Contain("This post was hidden by a moderator.").And.Not.Contain("unkind"));
        var author = (await world.Kit.GetPageAsync(url)).Text($"#post-{reply}");
        Assert.That(author, Does.Contain("Hidden by a moderator").And.Contain("Please keep it kind").And.Contain("Something unkind"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM PostSearchText WHERE PostId = @Id", new { Id = reply }), Is.Zero);

        var restored = await moderator.ClickAsync(url, $"#post-{reply} button[formaction*=Restore]");
        TestApp.AssertRedirect(restored, $"/forum/t/{threadId}");
        Assert.That((await world.Sam.GetPageAsync(url)).Text($"#post-{reply}"), Does.Contain("Something unkind"));

        var log = await moderator.GetPageAsync("/forum/moderation");
        Assert.That(log.Text("table"), Does.Contain("Hid a post").And.Contain("Please keep it kind").And.Contain("Restored a post"));
    }

    [Test]
    public async Task WorriedReport_ShowsSupportToTheReporter_AndQueuesForModerators()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "A bad day", "I can't cope any more");
        var postId = await world.App.OpeningPostIdAsync(threadId);
        Assert.That((await world.Sam.GetAsync($"/forum/p/{postId}/flag")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not your own post");

        var missing = await Forms.ParseAsync(await world.Kit.SubmitAsync($"/forum/p/{postId}/flag", new Dictionary<string, string>()));
        Assert.That(missing.ErrorSummary(), Is.EqualTo(new[] { "Choose why you are reporting this post" }));
        Assert.That(missing.GetElementById("Input_Reason"), Is.Not.Null);

        var sent = await Forms.ParseAsync(await world.Kit.SubmitAsync($"/forum/p/{postId}/flag",
            new Dictionary<string, string> { ["Input.Reason"] = "Worried", ["Input.Note"] = "Sounds low" }));
        Assert.That(sent.Text("h1"), Is.EqualTo("Thank you for telling us"));
        Assert.That(sent.Text("main"), Does.Contain("116 123").And.Contain("999"));

        var queue = await world.Admin.GetPageAsync("/forum/moderation");
        Assert.That(queue.Text(".flag-list"), Does.Contain("I'm worried about this person").And.Contain("Sounds low").And.Contain("A bad day"));
        var resolved = await world.Admin.SubmitAsync(queue, "/forum/moderation", new Dictionary<string, string> { ["resolution"] = "Sent a message" }, "form[action*=Resolve]");
        TestApp.AssertRedirect(resolved, "/forum/moderation");
        var after = await world.Admin.GetPageAsync("/forum/moderation");
        Assert.That(after.QuerySelector(".flag-list"), Is.Null);
        Assert.That(after.Text("table"), Does.Contain("Sent a message"));
        Assert.That((await world.Kit.GetAsync("/forum/moderation")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
    }
}
