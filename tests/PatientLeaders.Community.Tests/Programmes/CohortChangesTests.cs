using AngleSharp.Dom;
using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>Dates that move, partnership trios, and the public goals page.</summary>
public sealed class CohortChangesTests
{
    [Test]
    public async Task MovingASession_MovesItsMeeting_AndSendsEveryoneACalendarUpdate()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(daysAhead: 20);
        var sam = await world.MemberAsync("sam");
        await world.EnrolAsync(sam, cohortId);
        var page = await world.Coordinator.GetPageAsync($"/programmes/manage/cohorts/{cohortId}/sessions");
        var alDate = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_1__Date")!.Value;
        var moved = DateOnly.Parse(alDate, System.Globalization.CultureInfo.InvariantCulture).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/sessions", "main form[method=post]",
            ("Input[1].Date", moved), ("Input[1].Time", "11:00")), $"/programmes/cohorts/{cohortId}");

        var update = await world.App.LastMailToAsync("sam@example.org");
        Assert.That(update.Subject, Does.StartWith("New dates for"));
        var calendar = await world.App.ScalarAsync<string>("SELECT CalendarAttachment FROM MailOutbox WHERE ToAddress = 'sam@example.org' ORDER BY Id DESC LIMIT 1");
        Assert.That(calendar, Does.Contain("SEQUENCE:1").And.Contain($"UID:cohort-{cohortId}-session-"));
        Assert.That((await world.App.LastMailToAsync("faye@example.org")).Subject, Does.StartWith("New dates for"), "the facilitators too");
        var meetingStart = await world.App.ScalarAsync<string>(
            "SELECT m.StartsAt FROM SetMeetings m JOIN CohortSessions s ON s.MeetingId = m.Id WHERE s.CohortId = @cohortId", new { cohortId });
        Assert.That(meetingStart, Does.StartWith(moved), "the set's meeting moved with the session");

        var bad = await Forms.ParseAsync(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/sessions", "main form[method=post]",
            ("Input[0].Date", "2020-01-01")));
        Assert.That(bad.ErrorSummary(), Has.Some.Contains("must be in the future"));

        // Once the first session has begun it cannot move, and the others still can.
        await world.PassDaysAsync(21, sam);
        var later = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/sessions", "main form[method=post]",
            ("Input[2].Date", later)), $"/programmes/cohorts/{cohortId}");
        Assert.That(await world.App.ScalarAsync<string>("SELECT StartsAt FROM CohortSessions WHERE CohortId = @cohortId AND Position = 3", new { cohortId }), Does.StartWith(later));
    }

    [Test]
    public async Task APartnershipCohort_FormsTriosFromOneOrganisation_EachWithItsOwnRoom()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var slug = await world.CreateProgrammeAsync("Partners in change", kind: "Partnership");
        var cohortId = await world.CreateCohortAsync(slug: slug);
        var people = new Dictionary<string, HttpClient>();
        var applications = new Dictionary<string, long>();
        foreach (var (handle, role, organisation) in new[] { ("pat", "PatientLeader", "Leeds Trust"), ("cli", "Clinician", "Leeds Trust"), ("man", "Manager", "Leeds Trust"),
            ("oth", "Manager", "York Trust") })
        {
            people[handle] = await world.MemberAsync(handle + "x");
            var response = await people[handle].PostFormAsync($"/programmes/cohorts/{cohortId}/apply", "main form[method=post]",
                ("Input.Why", "Learning together"), ("Input.Change", "Discharge"), ("Input.TakingPartAs", role), ("Input.Organisation", organisation));
            TestApp.AssertRedirect(response, "/programmes/applications");
            applications[handle] = await world.App.ScalarAsync<long>("SELECT MAX(Id) FROM CohortApplications");
            await world.DecideAsync(cohortId, applications[handle], "Offer");
            await ProgrammeWorld.AnswerAsync(people[handle], applications[handle], "Accept");
        }
        var missingOrganisation = await Forms.ParseAsync(await (await world.MemberAsync("nobody")).PostFormAsync($"/programmes/cohorts/{cohortId}/apply", "main form[method=post]",
            ("Input.Why", "x"), ("Input.Change", "y")));
        Assert.That(missingOrganisation.ErrorSummary(), Has.Some.EqualTo("Enter the organisation you come from"));

        var mixed = await Forms.ParseAsync(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/trios", "main form[method=post]",
            ("Input.PatientLeader", applications["pat"].ToString()), ("Input.Clinician", applications["cli"].ToString()), ("Input.Manager", applications["oth"].ToString())));
        Assert.That(mixed.ErrorSummary(), Has.Some.StartsWith("A trio comes from one organisation"));

        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/trios", "main form[method=post]",
            ("Input.PatientLeader", applications["pat"].ToString()), ("Input.Clinician", applications["cli"].ToString()), ("Input.Manager", applications["man"].ToString())),
            $"/programmes/manage/cohorts/{cohortId}/trios");
        var trioSet = await world.App.ScalarAsync<long>("SELECT SetId FROM CohortTrios");
        var cohortPage = await people["pat"].GetPageAsync($"/programmes/cohorts/{cohortId}");
        Assert.That(cohortPage.QuerySelector($"a[href='/sets/{trioSet}']"), Is.Not.Null, "the trio's room is linked for its members");
        Assert.That((await people["cli"].GetAsync($"/sets/{trioSet}/room")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await people["oth"].GetAsync($"/sets/{trioSet}/room")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        TestApp.AssertRedirect(await ProgrammeWorld.AnswerAsync(people["cli"], applications["cli"], "Withdraw"), "/programmes/applications");
        Assert.That((await people["cli"].GetAsync($"/sets/{trioSet}/room")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "withdrawing leaves the trio's room too");
        var again = await Forms.ParseAsync(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/trios", "main form[method=post]",
            ("Input.PatientLeader", applications["pat"].ToString())));
        Assert.That(again.ErrorSummary(), Has.Count.EqualTo(3), "someone already in a trio cannot be chosen again");
        Assert.That((await world.Coordinator.GetAsync($"/programmes/manage/cohorts/{await world.CreateCohortAsync()}/trios")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "trios belong to partnership programmes only");
    }

    [Test]
    public async Task PlacesKeptForAPartnersMembers_AreOpenOnlyThroughThePartnersLink()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var first = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = await world.Coordinator.PostFormAsync($"/programmes/manage/{world.Slug}/cohorts/new", "main form[method=post]",
            ("Input.Title", "For Carers Wales"), ("Input.PartnerName", "Carers Wales"), ("Input.ReservedForPartner", "true"), ("Input.FacilitatorHandles", "faye"),
            ("Input.Sessions[0].Date", first), ("Input.Sessions[0].Time", "10:00"), ("Input.Sessions[1].Date", first), ("Input.Sessions[1].Time", "14:00"));
        TestApp.AssertRedirect(created, "/programmes/cohorts/");
        var cohortId = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var link = (await world.Coordinator.GetPageAsync($"/programmes/manage/cohorts/{cohortId}")).Text("main code");
        Assert.That(link, Does.Match($@"^https://localhost/programmes/cohorts/{cohortId}\?code=[0-9a-f]{{24}}$"));

        var sam = await world.MemberAsync("sam");
        var page = await sam.GetPageAsync($"/programmes/cohorts/{cohortId}");
        Assert.That(page.Text("main"), Does.Contain("The places on this cohort are for members of Carers Wales"));
        Assert.That(page.QuerySelector("a[href*='/apply']"), Is.Null);
        TestApp.AssertRedirect(await sam.GetAsync($"/programmes/cohorts/{cohortId}/apply"), $"/programmes/cohorts/{cohortId}");
        TestApp.AssertRedirect(await sam.GetAsync($"/programmes/cohorts/{cohortId}/apply?code=0123456789abcdef01234567"), $"/programmes/cohorts/{cohortId}");

        var shared = new Uri(link).PathAndQuery;
        var invited = await sam.GetPageAsync(shared);
        var apply = invited.QuerySelector("a[href*='/apply']")!.GetAttribute("href")!;
        TestApp.AssertRedirect(await sam.PostFormAsync(apply, "main form[method=post]", ("Input.Why", "Carer"), ("Input.Change", "Respite")), "/programmes/applications");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CohortApplications WHERE CohortId = @cohortId", new { cohortId }), Is.EqualTo(1));
        Assert.That((await world.App.NewBrowser().GetPageAsync("/programmes")).Text("main"), Does.Contain("For members of Carers Wales"));
    }

    [Test]
    public async Task TheGoalsPage_CountsWhatTheSiteRecords_AndHidesSmallNumbersOfPeople()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(daysAhead: 1);
        var sam = await world.MemberAsync("sam");
        await world.EnrolAsync(sam, cohortId);
        await world.PassDaysAsync(23, sam);
        var guest = world.App.NewBrowser();
        var rows = (await guest.GetPageAsync("/impact/goals")).QuerySelectorAll("tbody tr").Select(r => System.Text.RegularExpressions.Regex.Replace(r.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.That(rows[0], Does.StartWith("Programmes run in the UK 1 100"));
        Assert.That(rows[1], Does.StartWith("Programmes run abroad 0 50"));
        Assert.That(rows[2], Does.StartWith("Patient leaders learning online Fewer than 10"));
        Assert.That(rows[4], Does.StartWith("Involvement projects 0 200"), "counted from the pool: none completed yet");
    }
}
