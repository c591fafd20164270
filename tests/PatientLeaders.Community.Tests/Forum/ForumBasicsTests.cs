using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class ForumBasicsTests
{
    [Test]
    public async Task MemberStartsThread_AnotherReplies_ThreadShowsBothWithCounts()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await admin.CreateCategoryAsync("General chat");
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var kit = await app.InviteMemberAsync(admin, "kit@example.org", "kit");

        var threadId = await sam.StartThreadAsync("general-chat", "Hello from Sam", "First *post* here", tags: "Introductions, co-production");
        var replyId = await kit.ReplyAsync(threadId, "Welcome Sam!");

        var page = await kit.GetPageAsync($"/forum/t/{threadId}/hello-from-sam?page=1");
        Assert.That(page.QuerySelectorAll("h1"), Has.Length.EqualTo(1));
        Assert.That(page.Text("h1"), Is.EqualTo("Hello from Sam"));
        Assert.That(page.QuerySelector($"#post-{replyId}")?.TextContent, Does.Contain("Welcome Sam!"));
        Assert.That(page.QuerySelector(".user-content em")?.TextContent, Is.EqualTo("First post here".Split(' ')[1]));
        Assert.That(page.Text(".thread-meta"), Does.Contain("1 reply").And.Contain("2 participants"));
        Assert.That(page.QuerySelectorAll(".tag-list .tag").Select(t => t.TextContent), Has.Some.StartsWith("introductions").And.Some.StartsWith("co-production"));

        var list = await sam.GetPageAsync("/forum/general-chat");
        Assert.That(list.Text(".thread-item"), Does.Contain("Hello from Sam").And.Contain("1 reply").And.Contain("2 participants"));
        Assert.That(list.Text(".thread-item .tag-new"), Is.EqualTo("1 new"), "Sam has not read Kit's reply");
    }

    [Test]
    public async Task EmptyTitleAndBody_ShowErrorSummary_AndKeepTheText()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await admin.CreateCategoryAsync("General chat");
        var response = await admin.SubmitAsync("/forum/new", new Dictionary<string, string>
        {
            ["Input.Category"] = "general-chat", ["Input.Title"] = "Hi", ["Input.Body"] = "", ["Input.Tags"] = "kept",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.ErrorSummary(), Has.Some.Contains("between 5 and 150").And.Some.Contains("Write your message"));
        Assert.That(page.QuerySelector("#Input_Title")?.GetAttribute("value"), Is.EqualTo("Hi"));
        Assert.That(page.QuerySelector("#Input_Tags")?.GetAttribute("value"), Is.EqualTo("kept"));
        Assert.That(page.Title, Does.StartWith("Error: "));
        foreach (var link in page.QuerySelectorAll(".error-summary a"))
        {
            Assert.That(page.GetElementById(link.GetAttribute("href")!.TrimStart('#')), Is.Not.Null, link.GetAttribute("href"));
        }
    }
}
