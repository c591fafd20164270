using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>
/// Who can reach what in a role-restricted category (OWASP authorization-testing matrix): every actor × every
/// forum resource, by id, including POST handlers with real antiforgery tokens. Outsiders get the same 404 as for
/// an id that does not exist; guests get a sign-in redirect from member-only pages.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ForumAuthorizationMatrixTests
{
    private const string Canary = "zebracanary";
    private TestApp app = null!;
    private readonly Dictionary<string, HttpClient> actors = [];
    private long threadId;
    private long postId;

    public enum Expect { Ok, NotFound, SignIn, Redirect, Hit, NoHit, Forbidden }

    [OneTimeSetUp]
    public async Task CreateCommunityAsync()
    {
        app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await admin.CreateCategoryAsync("Facilitators", role: Roles.Facilitator);
        await admin.CreateCategoryAsync("Open room");
        actors["admin"] = admin;
        actors["guest"] = app.NewBrowser();
        actors["insider"] = await app.InviteMemberAsync(admin, "fay@example.org", "fay", Roles.Facilitator);
        actors["outsider"] = await app.InviteMemberAsync(admin, "mia@example.org", "mia");
        var moderator = await app.InviteMemberAsync(admin, "moe@example.org", "moe", Roles.Moderator);
        await moderator.TurnOnTwoFactorAsync();
        actors["moderator"] = moderator;

        threadId = await actors["insider"].StartThreadAsync("facilitators", "Facilitators only thread", $"The secret word is {Canary}.");
        postId = await app.OpeningPostIdAsync(threadId);
    }

    [OneTimeTearDown]
    public async Task DisposeAsync() => await app.DisposeAsync();

    private static readonly string[] Actors = ["guest", "outsider", "insider", "moderator", "admin"];

    // Expected outcome per resource, in the order of Actors.
    private static readonly (string Resource, Expect[] Outcomes)[] Matrix =
    [
        ("GET category page", [Expect.SignIn, Expect.NotFound, Expect.Ok, Expect.Ok, Expect.Ok]),
        ("GET thread page", [Expect.SignIn, Expect.NotFound, Expect.Ok, Expect.Ok, Expect.Ok]),
        ("GET post permalink", [Expect.SignIn, Expect.NotFound, Expect.Redirect, Expect.Redirect, Expect.Redirect]),
        ("GET reply page", [Expect.SignIn, Expect.NotFound, Expect.Ok, Expect.Ok, Expect.Ok]),
        ("POST reply", [Expect.SignIn, Expect.NotFound, Expect.Redirect, Expect.Redirect, Expect.Redirect]),
        ("POST react", [Expect.SignIn, Expect.NotFound, Expect.Redirect, Expect.Redirect, Expect.Redirect]),
        ("POST bookmark", [Expect.SignIn, Expect.NotFound, Expect.Redirect, Expect.Redirect, Expect.Redirect]),
        ("POST follow", [Expect.SignIn, Expect.NotFound, Expect.Redirect, Expect.Redirect, Expect.Redirect]),
        ("GET edit page", [Expect.SignIn, Expect.NotFound, Expect.Ok, Expect.NotFound, Expect.NotFound]),
        ("GET revisions", [Expect.SignIn, Expect.NotFound, Expect.Ok, Expect.Ok, Expect.Ok]),
        ("GET report page", [Expect.SignIn, Expect.NotFound, Expect.NotFound, Expect.Ok, Expect.Ok]),
        ("POST draft", [Expect.SignIn, Expect.NotFound, Expect.Ok, Expect.Ok, Expect.Ok]),
        ("POST preview", [Expect.SignIn, Expect.NotFound, Expect.Ok, Expect.Ok, Expect.Ok]),
        ("POST restore (moderators)", [Expect.SignIn, Expect.NotFound, Expect.NotFound, Expect.Redirect, Expect.Redirect]),
        ("search hit", [Expect.SignIn, Expect.NoHit, Expect.Hit, Expect.Hit, Expect.Hit]),
        ("GET moderation queue", [Expect.SignIn, Expect.Forbidden, Expect.Forbidden, Expect.Ok, Expect.Ok]),
        ("GET moderation log", [Expect.SignIn, Expect.Forbidden, Expect.Forbidden, Expect.Ok, Expect.Ok]),
        ("GET category admin", [Expect.SignIn, Expect.Forbidden, Expect.Forbidden, Expect.Forbidden, Expect.Ok]),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from row in Matrix
        from index in Enumerable.Range(0, Actors.Length)
        select new TestCaseData(Actors[index], row.Resource, row.Outcomes[index]).SetName($"{row.Resource} as {Actors[index]} → {row.Outcomes[index]}");

    [TestCaseSource(nameof(Cases))]
    public async Task Resource_ForActor_GivesExpectedAnswer(string actor, string resource, Expect expected)
    {
        var browser = actors[actor];
        var response = await RequestAsync(browser, resource);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        switch (expected)
        {
            case Expect.Ok:
                Assert.That(status, Is.EqualTo(200).Or.EqualTo(204), resource);
                break;
            case Expect.NotFound:
                Assert.That(status, Is.EqualTo(404), resource);
                break;
            case Expect.SignIn:
                Assert.That(status, Is.EqualTo(302), resource);
                Assert.That(location, Does.Contain("/account/login"), resource);
                break;
            case Expect.Redirect:
                Assert.That(status, Is.EqualTo(302).Or.EqualTo(301), resource);
                Assert.That(location, Does.Contain($"/forum/t/{threadId}"), resource);
                break;
            case Expect.Hit or Expect.NoHit:
                Assert.That(status, Is.EqualTo(200), resource);
                var body = await response.Content.ReadAsStringAsync();
                Assert.That(body.Contains(Canary, StringComparison.Ordinal) && body.Contains("Facilitators only thread", StringComparison.Ordinal),
                    Is.EqualTo(expected == Expect.Hit), resource);
                break;
            default:
                Assert.That(status, Is.EqualTo(403).Or.EqualTo(302), resource);
                if (status == 302)
                {
                    Assert.That(location, Does.Contain("/errors/403"), resource);
                }
                break;
        }
    }

    private async Task<HttpResponseMessage> RequestAsync(HttpClient browser, string resource) => resource switch
    {
        "GET category page" => await browser.GetAsync("/forum/facilitators"),
        "GET thread page" => await browser.GetAsync($"/forum/t/{threadId}/facilitators-only-thread?page=1"),
        "GET post permalink" => await browser.GetAsync($"/forum/p/{postId}"),
        "GET reply page" => await browser.GetAsync($"/forum/reply/{threadId}"),
        "POST reply" => await PostAsync(browser, $"/forum/reply/{threadId}", new() { ["Input.Body"] = "A reply" }),
        "POST react" => await PostAsync(browser, $"/forum/p/{postId}?handler=React", new() { ["kind"] = "Helpful" }),
        "POST bookmark" => await PostAsync(browser, $"/forum/p/{postId}?handler=Bookmark", new()),
        "POST follow" => await PostAsync(browser, $"/forum/t/{threadId}?handler=Subscribe", new() { ["level"] = "Following" }),
        "GET edit page" => await browser.GetAsync($"/forum/p/{postId}/edit"),
        "GET revisions" => await browser.GetAsync($"/forum/p/{postId}/revisions"),
        "GET report page" => await browser.GetAsync($"/forum/p/{postId}/flag"),
        "POST draft" => await PostAsync(browser, "/forum/drafts", new() { ["DraftKey"] = $"reply:{threadId}", ["Input.Body"] = "draft" }),
        "POST preview" => await PostAsync(browser, "/forum/preview", new() { ["DraftKey"] = $"reply:{threadId}", ["Input.Body"] = "preview" }),
        "POST restore (moderators)" => await PostAsync(browser, $"/forum/p/{postId}?handler=Restore", new()),
        "search hit" => await browser.GetAsync($"/search?q={Canary}"),
        "GET moderation queue" => await browser.GetAsync("/forum/moderation"),
        "GET moderation log" => await browser.GetAsync("/forum/moderation/log?Kind=Hide&before=1"),
        "GET category admin" => await browser.GetAsync("/forum/admin/categories"),
        _ => throw new ArgumentException(resource),
    };

    /// <summary>Posts with a valid antiforgery token for this browser's identity, taken from a page it can open.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, Dictionary<string, string> values)
    {
        var page = await Forms.ParseAsync(await browser.GetAsync("/account/login"));
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
        if (token is null)
        {
            page = await Forms.ParseAsync(await browser.GetAsync("/forum"));
            token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        }
        values["__RequestVerificationToken"] = token;
        return await browser.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
