using System.Text.RegularExpressions;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>Forum test data made through the forum's own pages.</summary>
public static partial class ForumJourneys
{
    public static async Task CreateCategoryAsync(this HttpClient admin, string name, bool isPublic = false, string? role = null, string? slug = null)
    {
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Slug"] = slug ?? "", ["Input.Description"] = "About " + name };
        if (isPublic)
        {
            values["Input.IsPublic"] = "true";
        }
        if (role is not null)
        {
            values["Input.Roles"] = role;
        }
        var response = await admin.SubmitAsync("/forum/admin/categories/edit", values);
        TestApp.AssertRedirect(response, "/forum/admin/categories");
    }

    /// <summary>Starts a thread and returns its id.</summary>
    public static async Task<long> StartThreadAsync(this HttpClient member, string category, string title, string body, string? tags = null, string? contentNote = null)
    {
        var response = await member.SubmitAsync("/forum/new", new Dictionary<string, string>
        {
            ["Input.Category"] = category, ["Input.Title"] = title, ["Input.Body"] = body, ["Input.Tags"] = tags ?? "", ["Input.ContentNote"] = contentNote ?? "",
        });
        if ((int)response.StatusCode != 302)
        {
            Assert.Fail("Starting a thread failed: " + string.Join("; ", (await Forms.ParseAsync(response)).ErrorSummary()) + " " + (int)response.StatusCode);
        }
        return ThreadId(response.Headers.Location!.OriginalString);
    }

    /// <summary>Replies (to a post when <paramref name="to"/> is given) and returns the new post's id.</summary>
    public static async Task<long> ReplyAsync(this HttpClient member, long threadId, string body, long? to = null, string? contentNote = null)
    {
        var url = $"/forum/reply/{threadId}" + (to is null ? "" : $"?to={to}");
        var response = await member.SubmitAsync(url, new Dictionary<string, string> { ["Input.Body"] = body, ["Input.ContentNote"] = contentNote ?? "" });
        TestApp.AssertRedirect(response, "/forum/t/");
        return PostId(response.Headers.Location!.OriginalString);
    }

    public static Task<long> OpeningPostIdAsync(this TestApp app, long threadId) =>
        app.ScalarAsync<long>("SELECT Id FROM Posts WHERE ThreadId = @ThreadId AND Number = 1", new { ThreadId = threadId });

    public static long ThreadId(string location) => long.Parse(ThreadPattern().Match(location).Groups[1].Value);

    public static long PostId(string location) => long.Parse(PostPattern().Match(location).Groups[1].Value);

    [GeneratedRegex(@"/forum/t/(\d+)")]
    private static partial Regex ThreadPattern();

    [GeneratedRegex(@"#post-(\d+)")]
    private static partial Regex PostPattern();
}
