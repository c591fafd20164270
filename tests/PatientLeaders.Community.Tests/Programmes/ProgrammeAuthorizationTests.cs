using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>
/// Who may do what with programmes, over every page and handler: guest, member, applicant, participant, another
/// cohort's participant, coach, partner contact, facilitator, programme coordinator and admin. Access needs,
/// materials and their files, and questionnaire answers are what is at stake.
/// </summary>
public sealed class ProgrammeAuthorizationTests
{
    private const string Needs = "Needs a hearing loop";

    [Test]
    public async Task EveryPageAndHandler_AnswersEachRoleAsItShould()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync();
        var otherCohortId = await world.CreateCohortAsync();
        var draftSlug = await world.CreateProgrammeAsync("A draft programme", published: false);

        var participant = await world.MemberAsync("pia");
        var participantApp = await world.ApplyAsync(participant, cohortId, Needs);
        await world.DecideAsync(cohortId, participantApp, "Offer");
        await ProgrammeWorld.AnswerAsync(participant, participantApp, "Accept");
        var applicant = await world.MemberAsync("abe");
        var applicantApp = await world.ApplyAsync(applicant, cohortId, "Large print");
        var otherParticipant = await world.MemberAsync("oli");
        var otherApp = await world.ApplyAsync(otherParticipant, otherCohortId);
        await world.DecideAsync(otherCohortId, otherApp, "Offer");
        await ProgrammeWorld.AnswerAsync(otherParticipant, otherApp, "Accept");
        var member = await world.MemberAsync("meg");
        var guest = world.App.NewBrowser();
        // The participant's coach, and a partner organisation's contact: neither runs the cohort.
        var coach = await world.CoachAsync("cody");
        var coachId = await world.IdOfAsync("cody");
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/participants", $"form[action*='coachId={coachId}']"),
            $"/programmes/manage/cohorts/{cohortId}/participants");
        var partnerContact = await world.MemberAsync("olga");
        await Involvement.InvolvementWorld.AddOrganisationAsync(world, "Partner Trust", partnerContact, "olga@example.org");
        // A material with a file, open to the cohort now.
        TestApp.AssertRedirect(await MaterialsTests.UploadAsync(world.Facilitator, cohortId, "Workbook", "workbook.pdf", FileKindsTests.Pdf), $"/programmes/cohorts/{cohortId}/materials");
        var materialId = await world.App.ScalarAsync<long>("SELECT Id FROM CohortMaterials");
        await world.App.Service<Web.Features.Programmes.Outcomes.OutcomeStore>().InviteDueAsync(CancellationToken.None);

        var everyone = new (string Name, HttpClient Browser)[]
        {
            ("guest", guest), ("member", member), ("applicant", applicant), ("participant", participant), ("other cohort's participant", otherParticipant),
            ("coach", coach), ("partner contact", partnerContact), ("facilitator", world.Facilitator), ("coordinator", world.Coordinator), ("admin", world.Admin),
        };
        var staff = new[] { "coordinator", "admin" };
        var seesNeeds = new[] { "facilitator", "coordinator", "admin" };

        foreach (var (name, browser) in everyone)
        {
            // Public pages: everyone; the cohort's access needs only for its facilitators and the coordinators.
            Assert.That((await browser.GetAsync("/programmes")).StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
            Assert.That((await browser.GetAsync($"/programmes/{world.Slug}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
            var cohort = await browser.GetAsync($"/programmes/cohorts/{cohortId}");
            Assert.That(cohort.StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
            Assert.That(await cohort.Content.ReadAsStringAsync(), seesNeeds.Contains(name) ? Does.Contain(Needs) : Does.Not.Contain(Needs), name);
            // A draft is "not found" to members; a visitor is asked to sign in, as for any page members might see.
            Assert.That((int)(await browser.GetAsync($"/programmes/{draftSlug}")).StatusCode, Is.EqualTo(staff.Contains(name) ? 200 : name == "guest" ? 302 : 404), name + ": a draft");

            // Coordinators' pages and every one of their handlers.
            foreach (var url in new[] { "/programmes/manage", "/programmes/manage/programme", $"/programmes/manage/programme/{world.Slug}",
                $"/programmes/manage/{world.Slug}/cohorts/new", $"/programmes/manage/cohorts/{cohortId}", $"/programmes/manage/cohorts/{cohortId}/participants",
                $"/programmes/manage/{world.Slug}/report", $"/programmes/manage/{world.Slug}/report/{cohortId}", $"/programmes/manage/{world.Slug}/report/{cohortId}?handler=Csv",
                $"/programmes/manage/programme/{world.Slug}/questions", $"/programmes/manage/cohorts/{cohortId}/sessions" })
            {
                var response = await browser.GetAsync(url);
                if (staff.Contains(name))
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{name} {url}");
                    if (url.Contains("/report", StringComparison.Ordinal))
                    {
                        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(Needs).And.Not.Contain("pia"), $"{name} {url}: aggregates only");
                    }
                }
                else
                {
                    AssertRefused(response, name == "guest", $"{name} {url}");
                }
            }
            if (!staff.Contains(name))
            {
                var token = await TokenAsync(browser, name == "guest");
                foreach (var handler in new[] { "Offer", "Wait", "Decline" })
                {
                    var post = await browser.PostAsync($"/programmes/manage/cohorts/{cohortId}?handler={handler}", Form(token, ("Input.ApplicationId", applicantApp.ToString())));
                    AssertRefused(post, name == "guest", $"{name} {handler}");
                }
                AssertRefused(await browser.PostAsync($"/programmes/manage/{world.Slug}/cohorts/new", Form(token, ("Input.Title", "Mine"))), name == "guest", name + " new cohort");
                AssertRefused(await browser.PostAsync("/programmes/manage/programme", Form(token, ("Input.Title", "Mine"))), name == "guest", name + " new programme");
                AssertRefused(await browser.PostAsync($"/programmes/manage/cohorts/{cohortId}/participants?handler=SignOff&applicationId={participantApp}", Form(token)),
                    name == "guest", name + " sign-off");
                AssertRefused(await browser.PostAsync($"/programmes/manage/cohorts/{cohortId}/participants?handler=Coach&applicationId={participantApp}&coachId=1", Form(token)),
                    name == "guest", name + " coach");
            }

            // Materials and their files: the cohort; adding them: those who run it; answers: their own author only, never staff.
            var runs = new[] { "facilitator", "coordinator", "admin" };
            foreach (var (url, allowed) in new[]
            {
                ($"/programmes/cohorts/{cohortId}/materials", runs.Append("participant").ToArray()),
                ($"/programmes/cohorts/{cohortId}/materials/{materialId}/file", runs.Append("participant").ToArray()),
                ($"/programmes/cohorts/{cohortId}/materials/upload", runs),
                ($"/programmes/outcomes/{participantApp}/Start", ["participant"]),
            })
            {
                var response = await browser.GetAsync(url);
                if (name == "guest")
                {
                    AssertRefused(response, guest: true, $"{name} {url}");
                }
                else
                {
                    Assert.That((int)response.StatusCode, Is.EqualTo(allowed.Contains(name) ? 200 : 404), $"{name} {url}");
                }
            }

            // The register: the cohort's facilitators and coordinators; to anyone else it does not exist.
            var keepers = new[] { "facilitator", "coordinator", "admin" };
            var registerToken = await TokenAsync(browser, name == "guest");
            foreach (var response in new[] { await browser.GetAsync($"/programmes/cohorts/{cohortId}/register"),
                await browser.PostAsync($"/programmes/cohorts/{cohortId}/register", Form(registerToken)) })
            {
                if (name == "guest")
                {
                    AssertRefused(response, guest: true, name + " register");
                }
                else
                {
                    Assert.That((int)response.StatusCode, Is.EqualTo(keepers.Contains(name) ? (response.RequestMessage!.Method == HttpMethod.Get ? 200 : 302) : 404), name + " register");
                }
            }
        }
        Assert.That(await world.StatusAsync(applicantApp), Is.EqualTo(ApplicationStatus.Submitted), "no refused decision changed anything");

        // Someone else's application: neither accepted nor withdrawn by another member; a guest is sent to sign in.
        foreach (var (name, browser) in everyone.Where(e => e.Name is not "applicant"))
        {
            var token = await TokenAsync(browser, name == "guest");
            foreach (var handler in new[] { "Accept", "Withdraw" })
            {
                var response = await browser.PostAsync($"/programmes/applications?handler={handler}&applicationId={applicantApp}", Form(token));
                if (name == "guest")
                {
                    AssertRefused(response, guest: true, name);
                }
                else
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{name} {handler}");
                }
            }
        }
        Assert.That(await world.StatusAsync(applicantApp), Is.EqualTo(ApplicationStatus.Submitted));

        // Applying: guests sign in first; nobody can apply to a draft's cohort or see another's application form.
        AssertRefused(await guest.GetAsync($"/programmes/cohorts/{cohortId}/apply"), guest: true, "guest apply");
        Assert.That((await member.GetAsync($"/programmes/cohorts/{cohortId}/apply")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await (await member.GetAsync("/programmes/applications")).Content.ReadAsStringAsync(), Does.Not.Contain("Spring"), "another's applications are not listed");
    }

    private static void AssertRefused(HttpResponseMessage response, bool guest, string because)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), because);
        Assert.That(response.Headers.Location!.OriginalString, Does.Contain(guest ? "/account/login" : "/errors/403"), because);
    }

    private static async Task<string> TokenAsync(HttpClient browser, bool guest) =>
        (await browser.GetPageAsync(guest ? "/account/login" : "/account/settings")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] values) =>
        new([new("__RequestVerificationToken", token), .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))]);
}
