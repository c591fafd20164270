using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>
/// Every set page, fragment and export × every kind of person (ASVS 8.2.2, OWASP authorization testing):
/// those without access get 404, exactly as for a set that does not exist; guests are sent to sign in.
/// </summary>
[NonParallelizable]
public sealed class SetAuthorizationMatrixTests
{
    public enum Persona { Guest, Member, OtherSetMember, Facilitator, Coordinator, Admin }

    private const Persona G = Persona.Guest, M = Persona.Member, O = Persona.OtherSetMember, F = Persona.Facilitator, C = Persona.Coordinator, A = Persona.Admin;

    private static readonly (string Path, Persona[] Allowed)[] Resources =
    [
        ("/sets/{set}", [M, F, A]),
        ("/sets/{set}/room", [M, F, A]),
        ("/sets/{set}/room/messages?after=0", [M, F, A]),
        ("/sets/{set}/meetings/{meeting}/summary", [M, F, A]),
        ("/sets/{set}/meetings/{meeting}/summary.md", [M, F, A]),
        ("/sets/{set}/edit", [F, A]),
        ("/sets/{set}/members", [F, C, A]),
        ("/sets/{set}/meetings/new", [F, C, A]),
        ("/sets/{set}/attendance", [F, C, A]),
    ];

    private SetCommunity community = null!;
    private long meetingId;

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var (path, allowed) in Resources)
        {
            foreach (var persona in Enum.GetValues<Persona>())
            {
                var expected = persona == G ? HttpStatusCode.Redirect : allowed.Contains(persona) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                yield return new TestCaseData(persona, path, false, expected).SetName($"GET {path} as {persona} → {(int)expected}");
                // Guessed ids: a set or meeting that does not exist looks the same to everyone.
                var guessed = persona == G ? HttpStatusCode.Redirect : HttpStatusCode.NotFound;
                yield return new TestCaseData(persona, path, true, guessed).SetName($"GET {path} (guessed id) as {persona} → {(int)guessed}");
            }
        }
    }

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        community = await SetCommunity.CreateAsync();
        await community.Facilitator.ScheduleAsync(community.SetId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), new TimeOnly(10, 0));
        meetingId = (await community.App.Service<MeetingStore>().MeetingsAsync(community.SetId, CancellationToken.None)).Single().Id;
    }

    [OneTimeTearDown]
    public async Task TearDownAsync() => await community.DisposeAsync();

    [TestCaseSource(nameof(Cases))]
    public async Task SetResource_AnswersByRole(Persona persona, string path, bool guessed, HttpStatusCode expected)
    {
        var url = path.Replace("{set}", (guessed ? 987_654 : community.SetId).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{meeting}", (guessed && path.Contains("{meeting}") ? meetingId + 1000 : meetingId).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (guessed && path.Contains("{meeting}"))
        {
            // A real set with a guessed meeting, too.
            url = path.Replace("{set}", community.SetId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("{meeting}", "987654");
        }
        var response = await Browser(persona).GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(expected), url);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/account/login"));
        }
    }

    [Test]
    public async Task Posts_FromPeopleWithoutAccess_Are404_AndChangeNothing()
    {
        var samId = await community.MemberIdAsync("sam");
        foreach (var browser in new[] { community.Outsider, community.Sam })
        {
            var token = await AntiforgeryTokenAsync(browser);
            var remove = await browser.PostAsync($"/sets/{community.SetId}/members?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["memberId"] = samId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            Assert.That(remove.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
        Assert.That(await community.App.ScalarAsync<long>("SELECT COUNT(*) FROM SetMembers WHERE SetId = @SetId AND MemberId = @samId", new { community.SetId, samId }), Is.EqualTo(1));
    }

    [Test]
    public async Task ExtraFields_AreNotBound()
    {
        var response = await community.Facilitator.SubmitAsync($"/sets/{community.OtherSetId}/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Renamed",
            ["Id"] = community.SetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.FacilitatorId"] = "1",
            ["FacilitatorId"] = "1",
        });
        TestApp.AssertRedirect(response, $"/sets/{community.OtherSetId}");
        Assert.That(await community.App.ScalarAsync<string>("SELECT Name FROM Sets WHERE Id = @SetId", new { community.SetId }), Is.EqualTo("Stroke leaders"));
        Assert.That(await community.App.ScalarAsync<long>("SELECT COUNT(*) FROM Sets WHERE FacilitatorId = 1"), Is.EqualTo(0));
    }

    private HttpClient Browser(Persona persona) => persona switch
    {
        Persona.Guest => community.App.NewBrowser(),
        Persona.Member => community.Sam,
        Persona.OtherSetMember => community.Outsider,
        Persona.Facilitator => community.Facilitator,
        Persona.Coordinator => community.Coordinator,
        _ => community.Admin,
    };

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser)
    {
        var page = await browser.GetPageAsync("/sets");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
