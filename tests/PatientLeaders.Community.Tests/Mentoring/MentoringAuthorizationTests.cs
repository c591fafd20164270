using System.Net;
using AngleSharp.Dom;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Mentoring;

/// <summary>
/// The authorization matrix (OWASP Authorization Testing Automation): every role × every mentoring page and handler,
/// including private notes and messages, with real, sequential and guessed ids. Outsiders get a 404 and change nothing.
/// </summary>
[NonParallelizable]
public sealed class MentoringAuthorizationTests
{
    private const string Mentee = "mentee";
    private const string Mentor = "mentor";
    private const string Other = "other member";
    private const string Coordinator = "coordinator";
    private const string Admin = "admin";
    private static readonly string[] EveryRole = [Mentee, Mentor, Other, Coordinator, Admin];

    private TestApp app = null!;
    private readonly Dictionary<string, HttpClient> browsers = [];
    private readonly Dictionary<string, string> ids = [];

    [OneTimeSetUp]
    public async Task BuildCommunityAsync()
    {
        var clock = new FakeClock();
        app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        var ann = await world.MentorAsync("ann");
        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam);
        await world.ChooseAsync(sam, requestId, false, await world.IdOfAsync("ann"));
        var relationshipId = await world.AcceptAsync(ann, requestId);
        TestApp.AssertRedirect(await sam.PostFormAsync($"/mentoring/{relationshipId}", "form[action*=LogSession]",
            ("Session.HeldOn", world.Today), ("Session.Note", "CanaryPrivateNote from sam")), $"/mentoring/{relationshipId}");
        TestApp.AssertRedirect(await sam.PostFormAsync($"/mentoring/{relationshipId}/messages", "#message-form", ("Body", "CanaryMessage from sam")), $"/mentoring/{relationshipId}/messages");
        TestApp.AssertRedirect(await sam.PostFormAsync($"/mentoring/{relationshipId}", "form[action*=AddGoal]", ("Goal.Title", "CanaryGoal")), $"/mentoring/{relationshipId}");
        browsers[Mentee] = sam;
        browsers[Mentor] = ann;
        browsers[Other] = await world.MenteeAsync("olive");
        browsers[Coordinator] = world.Coordinator;
        browsers[Admin] = world.Admin;
        ids["{request}"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["{pair}"] = relationshipId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["{next}"] = (relationshipId + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["{guess}"] = "987654321";
        ids["{mentorId}"] = (await world.IdOfAsync("ann")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["{session}"] = (await app.ScalarAsync<long>("SELECT Id FROM MentoringSessions")).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [OneTimeTearDown]
    public async Task TearDownAsync() => await app.DisposeAsync();

    private static IEnumerable<TestCaseData> Pages()
    {
        var pairOnly = new[] { Mentee, Mentor };
        var coordinating = new[] { Coordinator, Admin };
        var rows = new (string Url, string[] Allowed, bool ForbiddenIsRole)[]
        {
            ("/mentoring", EveryRole, false),
            ("/mentoring/request", EveryRole, false),
            ("/mentoring/offer", [Mentor], true),
            ("/mentoring/requests/{request}", pairOnly, false),
            ("/mentoring/{pair}", pairOnly, false),
            ("/mentoring/{pair}/messages", pairOnly, false),
            ("/mentoring/{pair}/messages?handler=After&after=0", pairOnly, false),
            ("/mentoring/{pair}/end", pairOnly, false),
            ("/mentoring/{next}", [], false),
            ("/mentoring/{guess}/messages", [], false),
            ("/mentoring/requests/{guess}", [], false),
            ("/mentoring/coordinate", coordinating, true),
            ("/mentoring/coordinate/cohort", coordinating, true),
            ("/mentoring/coordinate/mentors/{mentorId}", coordinating, true),
            ("/mentoring/coordinate/requests/{request}", coordinating, false),
            ("/mentoring/coordinate/requests/{guess}", [], false),
        };
        foreach (var (url, allowed, byRole) in rows)
        {
            foreach (var role in EveryRole)
            {
                var expected = allowed.Contains(role) ? "allowed" : byRole ? "forbidden" : "not found";
                yield return new TestCaseData(role, url, expected).SetName($"Get_{url}_As{role.Replace(" ", "")}_Is{expected.Replace(" ", "")}");
            }
        }
    }

    [TestCaseSource(nameof(Pages))]
    public async Task Get_EachPageForEachRole_GivesTheExpectedAnswer(string role, string url, string expected)
    {
        var response = await browsers[role].GetAsync(Fill(url));
        switch (expected)
        {
            case "allowed":
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                break;
            case "forbidden":
                Assert.That(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/errors/403") == true, Is.True, $"{response.StatusCode} {response.Headers.Location}");
                break;
            default:
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
                break;
        }
    }

    private static IEnumerable<TestCaseData> Posts()
    {
        var handlers = new (string Url, string[] Fields)[]
        {
            ("/mentoring/{pair}?handler=AddGoal", ["Goal.Title=Sneaky goal"]),
            ("/mentoring/{pair}?handler=GoalProgress", ["Goal.GoalId=1", "Goal.Progress=Done"]),
            ("/mentoring/{pair}?handler=LogSession", ["Session.HeldOn=2030-01-14", "Session.Format=Telephone", "Session.DurationMinutes=30"]),
            ("/mentoring/{pair}?handler=SaveNote", ["Note.SessionId={session}", "Note.Body=overwritten", "Note.IsShared=true"]),
            ("/mentoring/{pair}?handler=Fit", ["FitAnswer=NotAFit"]),
            ("/mentoring/{pair}?handler=AgreedEnd", ["AgreedEndOn=2031-01-01"]),
            ("/mentoring/{pair}/messages", ["Body=Sneaky message"]),
            ("/mentoring/{pair}/end?handler=End", ["Input.Outcome=Completed"]),
            ("/mentoring/{next}/messages", ["Body=Sneaky message"]),
            ("/mentoring/{guess}?handler=AddGoal", ["Goal.Title=Sneaky goal"]),
            ("/mentoring/requests/{request}?handler=Accept", []),
            ("/mentoring/requests/{request}?handler=Decline", ["Decline.Message=no"]),
            ("/mentoring/requests/{request}?handler=Withdraw", []),
            ("/mentoring/requests/{request}?handler=Choose", ["Choose.Order[{mentorId}]=1"]),
        };
        foreach (var (url, fields) in handlers)
        {
            foreach (var role in new[] { Other, Coordinator, Admin })
            {
                yield return new TestCaseData(role, url, fields).SetName($"Post_{url}_As{role.Replace(" ", "")}_IsNotFound");
            }
        }
        // The coordinators' actions on a request: everyone else gets the answer for a request that does not exist.
        var coordinatorHandlers = new (string Url, string[] Fields)[]
        {
            ("/mentoring/coordinate/requests/{request}?handler=Close", ["Input.Message=Sneaky close"]),
            ("/mentoring/coordinate/requests/{request}?handler=Offer", ["Input.MentorId={mentorId}"]),
            ("/mentoring/coordinate/requests/{guess}?handler=Close", ["Input.Message=Sneaky close"]),
        };
        foreach (var (url, fields) in coordinatorHandlers)
        {
            foreach (var role in url.Contains("{guess}", StringComparison.Ordinal) ? EveryRole : [Mentee, Mentor, Other])
            {
                yield return new TestCaseData(role, url, fields).SetName($"Post_{url}_As{role.Replace(" ", "")}_IsNotFound");
            }
        }
    }

    [TestCaseSource(nameof(Posts))]
    public async Task Post_ByAnOutsider_Is404_AndChangesNothing(string role, string url, string[] fields)
    {
        var before = await SnapshotAsync();
        var browser = browsers[role];
        var token = (await browser.GetPageAsync("/mentoring/request")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = fields.Select(f => f.Split('=', 2)).Select(p => new KeyValuePair<string, string>(Fill(p[0]), Fill(p[1])))
            .Append(new("__RequestVerificationToken", token));
        var response = await browser.PostAsync(Fill(url), new FormUrlEncodedContent(form));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task PrivateNote_IsReadOnlyByItsAuthor_UntilShared()
    {
        var pair = Fill("/mentoring/{pair}");
        Assert.That((await browsers[Mentee].GetPageAsync(pair)).Text("#sessions"), Does.Contain("CanaryPrivateNote"));
        Assert.That((await browsers[Mentor].GetPageAsync(pair)).Text("#sessions"), Does.Not.Contain("CanaryPrivateNote"));
        foreach (var role in new[] { Other, Coordinator, Admin })
        {
            foreach (var page in new[] { "/mentoring", "/mentoring/coordinate", "/mentoring/coordinate/cohort", Fill("/mentoring/coordinate/mentors/{mentorId}"), Fill("/mentoring/coordinate/requests/{request}") })
            {
                var response = await browsers[role].GetAsync(page);
                var text = await response.Content.ReadAsStringAsync();
                Assert.That(text, Does.Not.Contain("CanaryPrivateNote").And.Not.Contain("CanaryMessage").And.Not.Contain("CanaryGoal"), $"{role} {page}");
            }
        }
        Assert.That((await app.MailAsync()).Select(m => m.TextBody), Has.None.Contains("Canary"), "mail never carries notes, messages or goals");
    }

    private string Fill(string template) => ids.Aggregate(template, (text, id) => text.Replace(id.Key, id.Value, StringComparison.Ordinal));

    private async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT COUNT(*) || ':' || COALESCE(MAX(Title), '') || ':' || COALESCE(MAX(Progress), '') FROM MentoringGoals",
            "SELECT COUNT(*) FROM MentoringSessions",
            "SELECT COUNT(*) || ':' || COALESCE(MAX(Body), '') || ':' || COALESCE(MAX(IsShared), '') FROM MentoringSessionNotes",
            "SELECT COUNT(*) FROM MentoringMessages",
            "SELECT Status || ':' || COALESCE(MentorFit, '') || COALESCE(MenteeFit, '') || ':' || COALESCE(AgreedEndOn, '') FROM MentoringRelationships",
            "SELECT Status || ':' || COALESCE(ClosedMessage, '') FROM MentoringRequests",
            "SELECT COUNT(*) FROM MentoringRequestChoices",
        })
        {
            parts.Add(await app.ScalarAsync<string>(sql));
        }
        return string.Join(" | ", parts);
    }
}
