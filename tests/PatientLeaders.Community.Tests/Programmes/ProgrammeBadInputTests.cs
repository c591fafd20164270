using AngleSharp.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>Forms that are wrong re-render with the error summary and keep what was typed.</summary>
public sealed class ProgrammeBadInputTests
{
    [Test]
    public async Task ACohortWithoutSessionsOrAnAccreditedFacilitator_IsRefusedWithItsTextKept()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        await world.App.InviteMemberAsync(world.Admin, "nia@example.org", "nia", PatientLeaders.Community.Web.Features.Accounts.Roles.Facilitator);
        var response = await world.Coordinator.PostFormAsync($"/programmes/manage/{world.Slug}/cohorts/new", "main form[method=post]",
            ("Input.Title", "Autumn in Cardiff"), ("Input.Mode", "InPerson"), ("Input.Venue", ""), ("Input.Places", "8"), ("Input.FacilitatorHandles", "nia, nobody"));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.ErrorSummary(), Has.Some.Contains("Enter the venue").And.Some.Contains("@nobody"));
        Assert.That(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value, Is.EqualTo("Autumn in Cardiff"));

        var noHandles = await Forms.ParseAsync(await world.Coordinator.PostFormAsync($"/programmes/manage/{world.Slug}/cohorts/new", "main form[method=post]",
            ("Input.Title", "Autumn"), ("Input.FacilitatorHandles", "@ ,")));
        Assert.That(noHandles.ErrorSummary(), Has.Some.EqualTo("Enter the handle of at least one facilitator"));

        var unaccredited = await Forms.ParseAsync(await world.Coordinator.PostFormAsync($"/programmes/manage/{world.Slug}/cohorts/new", "main form[method=post]",
            ("Input.Title", "Autumn"), ("Input.FacilitatorHandles", "nia")));
        Assert.That(unaccredited.ErrorSummary(), Has.Some.Contains("@nia does not hold a current facilitator accreditation").And.Some.Contains("Add at least one session"));

        var past = await Forms.ParseAsync(await world.Coordinator.PostFormAsync($"/programmes/manage/{world.Slug}/cohorts/new", "main form[method=post]",
            ("Input.Title", "Autumn"), ("Input.FacilitatorHandles", "faye"), ("Input.Sessions[0].Date", "2020-01-01"), ("Input.Sessions[0].Time", "10:00"),
            ("Input.Sessions[1].Date", "2040-01-01")));
        Assert.That(past.ErrorSummary(), Has.Some.Contains("Session 1 must be in the future").And.Some.Contains("Session 2 needs both a date and a start time"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM ProgrammeCohorts"), Is.EqualTo(0));
    }

    [Test]
    public async Task AnEmptyApplication_IsRefused_AndApplyingTwiceMakesOneApplication()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync();
        var sam = await world.MemberAsync("sam");
        var empty = await Forms.ParseAsync(await sam.PostFormAsync($"/programmes/cohorts/{cohortId}/apply", "main form[method=post]",
            ("Input.Why", ""), ("Input.Change", "Discharge"), ("Input.AccessNeeds", "Large print")));
        Assert.That(empty.ErrorSummary(), Is.EqualTo(new[] { "Say why you would like to come" }));
        Assert.That(empty.QuerySelector("#Input_AccessNeeds")!.TextContent, Is.EqualTo("Large print"));

        await world.ApplyAsync(sam, cohortId);
        var again = await sam.GetAsync($"/programmes/cohorts/{cohortId}/apply");
        TestApp.AssertRedirect(again, "/programmes/applications");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CohortApplications"), Is.EqualTo(1));
    }

    [Test]
    public async Task OddAddresses_AnswerNotFound()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var guest = world.App.NewBrowser();
        var member = await world.MemberAsync("odd");
        foreach (var url in new[] { "/programmes/no-such-programme", "/programmes/cohorts/999", "/programmes/cohorts/-1", "/programmes/Bad%20Slug", "/programmes/%E2%80%AEslug" })
        {
            Assert.That((int)(await member.GetAsync(url)).StatusCode, Is.EqualTo(404), url);
            // A visitor is asked to sign in instead, as for any page members might see: nothing is given away.
            TestApp.AssertRedirect(await guest.GetAsync(url), "/account/login?ReturnUrl=");
        }
        foreach (var url in new[] { "/programmes/manage/no-such/cohorts/new", "/programmes/manage/cohorts/999", "/programmes/manage/programme/nope" })
        {
            Assert.That((int)(await world.Coordinator.GetAsync(url)).StatusCode, Is.EqualTo(404), url);
        }
    }
}
