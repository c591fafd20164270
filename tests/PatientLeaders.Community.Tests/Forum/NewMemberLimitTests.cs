using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class NewMemberLimitTests
{
    private static async Task<(TestApp App, FakeClock Clock, HttpClient Admin, HttpClient Sam)> NewCommunityAsync(int maxThreads = 3, int maxReplies = 10, int seconds = 30)
    {
        var clock = new FakeClock();
        var app = await TestApp.CreateAsync(clock, new Dictionary<string, string?>
        {
            ["ForumNewMembers:FirstDayHours"] = "24",
            ["ForumNewMembers:SecondsBetweenPosts"] = seconds.ToString(),
            ["ForumNewMembers:MaxThreadsInFirstDay"] = maxThreads.ToString(),
            ["ForumNewMembers:MaxRepliesInFirstDay"] = maxReplies.ToString(),
        });
        var admin = await app.SetUpAdminAsync();
        await admin.CreateCategoryAsync("General chat");
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        return (app, clock, admin, sam);
    }

    [Test]
    public async Task SecondPostWithinThirtySeconds_IsKindlyRefused_WithTheTextKeptAndSavedAsDraft()
    {
        var (app, clock, _, sam) = await NewCommunityAsync();
        await using var _app = app;
        var threadId = await sam.StartThreadAsync("general-chat", "My first thread", "Hello everyone");

        var refused = await Forms.ParseAsync(await sam.SubmitAsync($"/forum/reply/{threadId}",
            new Dictionary<string, string> { ["Input.Body"] = "A reply I do not want to lose" }));
        var message = refused.ErrorSummary().Single();
        Assert.That(message, Does.Contain("Please wait 30 seconds").And.Contain("Your text is safe").And.Contain("UTC today"));
        Assert.That(refused.GetElementById("Input_Body")!.TextContent, Does.Contain("A reply I do not want to lose"));
        Assert.That(await app.ScalarAsync<string>("SELECT Body FROM PostDrafts WHERE DraftKey = @Key", new { Key = $"reply:{threadId}" }),
            Is.EqualTo("A reply I do not want to lose"));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM Posts"), Is.EqualTo(1));

        clock.Advance(TimeSpan.FromSeconds(31));
        await sam.ReplyAsync(threadId, "A reply I do not want to lose");
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM PostDrafts"), Is.Zero, "posting ends the draft");
    }

    [Test]
    public async Task ThreadAndReplyCaps_HoldForTheFirstDayOnly()
    {
        var (app, clock, _, sam) = await NewCommunityAsync(maxThreads: 2, maxReplies: 2, seconds: 0);
        await using var _app = app;
        var first = await sam.StartThreadAsync("general-chat", "Thread one", "One");
        await sam.StartThreadAsync("general-chat", "Thread two", "Two");
        await sam.ReplyAsync(first, "Reply one");
        await sam.ReplyAsync(first, "Reply two");

        var thread = await Forms.ParseAsync(await sam.SubmitAsync("/forum/new", new Dictionary<string, string>
        {
            ["Input.Category"] = "general-chat", ["Input.Title"] = "Thread three", ["Input.Body"] = "Three, kept safe",
        }));
        Assert.That(thread.ErrorSummary().Single(), Does.Contain("New members can start 2 in their first day").And.Contain("from 09:00 UTC on 15 January"));
        Assert.That(thread.GetElementById("Input_Title")!.GetAttribute("value"), Is.EqualTo("Thread three"));
        Assert.That(await app.ScalarAsync<string>("SELECT Title FROM PostDrafts WHERE DraftKey = 'new'"), Is.EqualTo("Thread three"));
        var reply = await Forms.ParseAsync(await sam.SubmitAsync($"/forum/reply/{first}", new Dictionary<string, string> { ["Input.Body"] = "Reply three" }));
        Assert.That(reply.ErrorSummary().Single(), Does.Contain("New members can post 2 replies in their first day"));

        clock.Advance(TimeSpan.FromHours(24));
        sam = app.NewBrowser();
        TestApp.AssertRedirect(await sam.SignInAsync("sam@example.org", Journeys.Password), "/");
        await sam.StartThreadAsync("general-chat", "Thread three", "Three, kept safe");
        await sam.ReplyAsync(first, "Reply three");
    }

    [Test]
    public async Task Facilitators_AndAdmins_AreExempt()
    {
        var (app, _, admin, _) = await NewCommunityAsync(maxThreads: 1, seconds: 30);
        await using var _app = app;
        var fay = await app.InviteMemberAsync(admin, "fay@example.org", "fay", Roles.Facilitator);
        await fay.StartThreadAsync("general-chat", "Facilitator one", "One");
        await fay.StartThreadAsync("general-chat", "Facilitator two", "Two");
        await admin.StartThreadAsync("general-chat", "Admin one", "One");
        await admin.StartThreadAsync("general-chat", "Admin two", "Two");
    }
}
