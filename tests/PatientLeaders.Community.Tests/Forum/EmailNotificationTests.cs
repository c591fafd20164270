using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>Immediate email for mentions and replies, written with the post; never leaking, never to the wrong people.</summary>
public sealed class EmailNotificationTests
{
    private static async Task<IReadOnlyList<SentMail>> ForumMailToAsync(ForumWorld world, string address) =>
        (await world.App.MailAsync()).Where(m => m.ToAddress == address && m.TextBody.Contains("/forum/p/", StringComparison.Ordinal)).ToList();

    [Test]
    public async Task Mention_EmailsImmediately_WithTitleAuthorTextAndLink()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Managing fatigue", "What helps you pace, @kit? I use **a diary**.");
        var postId = await world.App.OpeningPostIdAsync(threadId);
        var mail = (await ForumMailToAsync(world, "kit@example.org")).Single();
        Assert.That(mail.Subject, Is.EqualTo("Member sam mentioned you in “Managing fatigue”"));
        Assert.That(mail.TextBody, Does.Contain("“Managing fatigue”").And.Contain("> What helps you pace, @kit? I use a diary.")
            .And.Contain($"/forum/p/{postId}"));
        Assert.That(await ForumMailToAsync(world, "sam@example.org"), Is.Empty, "never to the author");
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
    public async Task NoEmail_WhenMutedIgnoringDigestOrCannotSee()
    {
        await using var world = await ForumWorld.CreateAsync();
        var muted = await world.Sam.StartThreadAsync("general-chat", "Muted one", "Opening");
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/forum/t/{muted}/muted-one?page=1", new Dictionary<string, string> { ["level"] = "Muted" },
            "form[action*=Subscribe]"), $"/forum/t/{muted}");
        await world.Sam.ReplyAsync(muted, "Hello @kit (muted)");

        await world.Admin.CreateCategoryAsync("Moderators only", role: "Moderator", slug: "mods");
        await world.Admin.StartThreadAsync("mods", "Private", "Canary-5521 about @kit");

        TestApp.AssertRedirect(await world.Kit.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.EmailFrequency"] = "DailyDigest" }), "/account/settings");
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
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/forum/t/{threadId}/ignore-test?page=1", new Dictionary<string, string> { ["ignore"] = "true" },
            $"#post-{samPost} form[action*=Ignore]"), $"/forum/t/{threadId}");
        var before = (await ForumMailToAsync(world, "kit@example.org")).Count;
        await world.Sam.ReplyAsync(threadId, "Hello again @kit");
        Assert.That((await ForumMailToAsync(world, "kit@example.org")).Count, Is.EqualTo(before));
    }
}
