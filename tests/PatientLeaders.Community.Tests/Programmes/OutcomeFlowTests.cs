using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes.Outcomes;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>Questionnaires reach participants as they fall due, are theirs alone, and reach staff only as aggregates.</summary>
public sealed class OutcomeFlowTests
{
    [Test]
    public async Task AParticipantIsInvitedAnswersAndSeesTheirOwnChange_StaffSeeOnlyAggregates()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(daysAhead: 5);
        var sam = await world.MemberAsync("sam");
        var applicationId = await world.EnrolAsync(sam, cohortId);
        var outcomes = world.App.Service<OutcomeStore>();

        Assert.That(await outcomes.InviteDueAsync(CancellationToken.None), Is.EqualTo(1), "the start questionnaire, once the place is taken");
        Assert.That(await outcomes.InviteDueAsync(CancellationToken.None), Is.EqualTo(0), "once");
        var invitation = await world.App.LastMailToAsync("sam@example.org");
        Assert.That(invitation.Subject, Does.StartWith("A few questions about"));
        var url = Journeys.LinkIn(invitation);
        Assert.That(url, Is.EqualTo($"/programmes/outcomes/{applicationId}/Start"));

        // Nobody else can open it: not another member, not the facilitator, not an admin.
        var olly = await world.MemberAsync("olly");
        foreach (var other in new[] { olly, world.Facilitator, world.Coordinator, world.Admin })
        {
            Assert.That((await other.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        // An incomplete answer is refused, keeping what was given.
        var itemIds = (await outcomes.ItemsAsync(await world.App.ScalarAsync<long>("SELECT ProgrammeId FROM ProgrammeCohorts WHERE Id = @cohortId", new { cohortId }),
            CancellationToken.None)).Select(i => i.Id).ToList();
        Assert.That(itemIds, Has.Count.EqualTo(4), "the default confidence items");
        // Statement 3 left out: the answers after it still count.
        var partial = await Forms.ParseAsync(await sam.PostFormAsync(url, "main form[method=post]", ("Input.Gse[0]", "3"), ("Input.Gse[1]", "2"), ("Input.Gse[5]", "4")));
        Assert.That(partial.ErrorSummary(), Has.Count.EqualTo(7 + 4));
        Assert.That(partial.ErrorSummary()[0], Is.EqualTo("Answer statement 3"));
        Assert.That(partial.ErrorSummary(), Has.None.EqualTo("Answer statement 6"));
        Assert.That(partial.QuerySelector("input[name='Input.Gse[0]'][value='3']")!.HasAttribute("checked"), Is.True);
        Assert.That(partial.QuerySelector("input[name='Input.Gse[5]'][value='4']")!.HasAttribute("checked"), Is.True);

        var answers = Enumerable.Range(0, 10).Select(i => ($"Input.Gse[{i}]", "3"))
            .Concat(itemIds.Select(id => ($"Input.Confidence[{id}]", "4"))).ToArray();
        TestApp.AssertRedirect(await sam.PostFormAsync(url, "main form[method=post]", answers), "/programmes/outcomes");
        var mine = await sam.GetPageAsync("/programmes/outcomes");
        Assert.That(mine.Text("main"), Does.Contain("30").And.Contain("4.0"));

        // Staff see a report of aggregates; one person is too few to report, in the page and in the CSV.
        var slug = world.Slug;
        var report = await world.Coordinator.GetPageAsync($"/programmes/manage/{slug}/report/{cohortId}");
        Assert.That(report.Text("main"), Does.Contain("Too few to report").And.Not.Contain("30"));
        var csv = await world.Coordinator.GetAsync($"/programmes/manage/{slug}/report/{cohortId}?handler=Csv");
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var text = await csv.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("GSE start to End,too few to report").And.Contain("Participants,1"));
        foreach (var other in new[] { sam, world.Facilitator })
        {
            var refused = await other.GetAsync($"/programmes/manage/{slug}/report/{cohortId}?handler=Csv");
            Assert.That(refused.Headers.Location!.OriginalString, Does.Contain("/errors/403"));
        }
    }

    [Test]
    public async Task FollowUpAnswers_FeedThePublicImpactPage_WithSmallNumbersHidden()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(daysAhead: 2);
        var sam = await world.MemberAsync("sam");
        var applicationId = await world.EnrolAsync(sam, cohortId);
        var outcomes = world.App.Service<OutcomeStore>();
        await world.PassDaysAsync(120, sam);
        await outcomes.InviteDueAsync(CancellationToken.None);
        // Months later a session has reached its longest life: Sam signs in again, as anyone would.
        await sam.SignInAsync("sam@example.org", Journeys.Password);
        var url = $"/programmes/outcomes/{applicationId}/ThreeMonths";
        var itemIds = (await sam.GetPageAsync(url)).QuerySelectorAll("input[name^='Input.Confidence'][value='4']").Select(i => i.GetAttribute("name")!).ToList();
        var answers = Enumerable.Range(0, 10).Select(i => ($"Input.Gse[{i}]", "3")).Concat(itemIds.Select(name => (name, "4")))
            .Append(("Input.FollowUps", "Board")).ToArray();
        TestApp.AssertRedirect(await sam.PostFormAsync(url, "main form[method=post]", answers), "/programmes/outcomes");

        var rows = (await world.App.NewBrowser().GetPageAsync("/impact")).QuerySelectorAll("main tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.That(rows, Does.Contain("joined a board, committee or panel | Fewer than 10"), "one graduate: counted, never shown as 1");
        Assert.That(rows, Does.Contain("been involved in research | 0"));
    }
}
