using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>Running a cohort: the register, coaching calls from the mentoring network, completion, certificates and alumni.</summary>
public sealed class CompletionTests
{
    [Test]
    public async Task CompletionComesTheMomentTheLastRuleIsMet_WithACertificateAndTheAlumniArea()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var slug = await world.CreateProgrammeAsync("Leading change", minSessions: 2, minCoachingCalls: 1);
        var cohortId = await world.CreateCohortAsync(daysAhead: 3, slug: slug);
        var coach = await world.CoachAsync("cody");
        var sam = await world.MemberAsync("sam");
        var applicationId = await world.EnrolAsync(sam, cohortId);

        // Taking the place opens the cohort's discussion area at once, in the session Sam already has.
        var cohortCategory = await world.App.ScalarAsync<string>("SELECT f.Slug FROM ForumCategories f JOIN ProgrammeCohorts c ON c.CategoryId = f.Id WHERE c.Id = @cohortId", new { cohortId });
        Assert.That((await sam.GetAsync($"/forum/{cohortCategory}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cohort's area, without signing in again");
        var olly = await world.MemberAsync("olly");
        Assert.That((await olly.GetAsync($"/forum/{cohortCategory}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // The coordinator gives Sam a coach from the explained suggestions.
        var participants = await world.Coordinator.GetPageAsync($"/programmes/manage/cohorts/{cohortId}/participants");
        Assert.That(participants.Text("main"), Does.Contain("Member cody"));
        var coachId = await world.IdOfAsync("cody");
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/participants", $"form[action*='coachId={coachId}']"),
            $"/programmes/manage/cohorts/{cohortId}/participants");
        var relationshipId = await world.App.ScalarAsync<long>("SELECT CoachRelationshipId FROM CohortApplications WHERE Id = @applicationId", new { applicationId });
        Assert.That((await world.App.LastMailToAsync("cody@example.org")).Subject, Does.StartWith("You are coaching Member sam"));

        // Two sessions later the register says present twice: still one coaching call short.
        await world.PassDaysAsync(18, sam, coach, olly);
        var register = await world.Facilitator.GetPageAsync($"/programmes/cohorts/{cohortId}/register");
        var sessionIds = register.QuerySelectorAll("select[name^=Marks]").Select(s => s.GetAttribute("id")!).ToList();
        Assert.That(sessionIds, Has.Count.EqualTo(2), "only sessions that have begun");
        TestApp.AssertRedirect(await world.Facilitator.PostFormAsync($"/programmes/cohorts/{cohortId}/register", "main form[method=post]",
            [.. sessionIds.Select(id => ($"Marks[{id}]", "Present"))]), $"/programmes/cohorts/{cohortId}/register");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM ProgrammeCertificates"), Is.EqualTo(0));

        // The coach logs the call on the ordinary mentoring page: completion follows at once.
        var today = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        TestApp.AssertRedirect(await coach.PostFormAsync($"/mentoring/{relationshipId}", "form[action*=LogSession]", ("Session.HeldOn", today)), $"/mentoring/{relationshipId}");
        Assert.That(await world.StatusAsync(applicationId), Is.EqualTo(ApplicationStatus.Accepted));
        var code = await world.App.ScalarAsync<string>("SELECT Code FROM ProgrammeCertificates WHERE ApplicationId = @applicationId", new { applicationId });
        Assert.That((await world.App.LastMailToAsync("sam@example.org")).Subject, Does.StartWith("Congratulations: you have completed Leading change"));

        // The alumni area opens; the certificate is private until Sam makes it public.
        Assert.That((await sam.GetAsync($"/forum/alumni-{slug}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await olly.GetAsync($"/forum/alumni-{slug}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var guest = world.App.NewBrowser();
        Assert.That((await guest.GetAsync($"/certificates/{code}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        TestApp.AssertRedirect(await sam.PostFormAsync($"/certificates/{code}", "main form[method=post]"), $"/certificates/{code}");
        var checkedPage = await guest.GetPageAsync($"/certificates/{CertificateCodes.Display(code).ToLowerInvariant()}");
        Assert.That(checkedPage.Text("main"), Does.Contain("This certificate is real").And.Contain("Member sam").And.Contain("Leading change"));
        Assert.That((await olly.PostAsync($"/certificates/{code}", new FormUrlEncodedContent([new("makePublic", "false")]))).StatusCode,
            Is.Not.EqualTo(HttpStatusCode.Redirect), "only the holder changes it");
        Assert.That(await world.App.ScalarAsync<bool>("SELECT IsPublic FROM ProgrammeCertificates WHERE Code = @code", new { code }), Is.True);

        // A completed participant can no longer withdraw.
        Assert.That((await sam.GetPageAsync("/programmes/applications")).QuerySelector("form[action*=Withdraw]"), Is.Null);
    }

    [Test]
    public async Task AMissedSession_OffersMaterialsAndACatchUpCallOnce()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(daysAhead: 2);
        var sam = await world.MemberAsync("sam");
        await world.EnrolAsync(sam, cohortId);
        await world.PassDaysAsync(3, sam);
        var register = await world.Facilitator.GetPageAsync($"/programmes/cohorts/{cohortId}/register");
        var first = register.QuerySelector("select[name^=Marks]")!.GetAttribute("id")!;
        await world.Facilitator.PostFormAsync($"/programmes/cohorts/{cohortId}/register", "main form[method=post]", ($"Marks[{first}]", "Absent"));
        await world.Facilitator.PostFormAsync($"/programmes/cohorts/{cohortId}/register", "main form[method=post]", ($"Marks[{first}]", "Excused"));
        var mails = (await world.App.MailAsync()).Where(m => m.ToAddress == "sam@example.org" && m.Subject.StartsWith("We missed you", StringComparison.Ordinal)).ToList();
        Assert.That(mails, Has.Count.EqualTo(1), "one offer however often the register is saved");
        Assert.That(mails[0].TextBody, Does.Contain("catch-up call").And.Contain($"/programmes/cohorts/{cohortId}"));
        Assert.That(await world.App.ScalarAsync<string>("SELECT Status FROM SessionAttendance"), Is.EqualTo("Excused"));
    }

    [Test]
    public async Task ObservedPracticeSignOff_RecordsTheAccreditationAndPutsTheGraduateInThePool()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var slug = await world.CreateProgrammeAsync("Train the facilitator", minSessions: 1, kind: "TrainTheFacilitator");
        var cohortId = await world.CreateCohortAsync(daysAhead: 1, slug: slug);
        var sam = await world.MemberAsync("sam");
        var applicationId = await world.EnrolAsync(sam, cohortId);
        await world.PassDaysAsync(2, sam);
        var register = await world.Facilitator.GetPageAsync($"/programmes/cohorts/{cohortId}/register");
        var first = register.QuerySelector("select[name^=Marks]")!.GetAttribute("id")!;
        await world.Facilitator.PostFormAsync($"/programmes/cohorts/{cohortId}/register", "main form[method=post]", ($"Marks[{first}]", "Late"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CohortApplications WHERE CompletedAt IS NOT NULL"), Is.EqualTo(1), "late counts as attended");

        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/participants", "form[action*=SignOff]"),
            $"/programmes/manage/cohorts/{cohortId}/participants");
        var samId = await world.IdOfAsync("sam");
        Assert.That(await world.App.ScalarAsync<string>("SELECT Kind FROM MentorAccreditations WHERE MemberId = @samId", new { samId }), Is.EqualTo("Facilitator"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM MemberRoles WHERE MemberId = @samId AND Role = 'Facilitator'", new { samId }), Is.EqualTo(1));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CohortApplications WHERE PracticeSignedOffAt IS NOT NULL AND Id = @applicationId", new { applicationId }), Is.EqualTo(1));

        // The graduate can now facilitate a cohort of their own.
        var next = await world.Coordinator.PostFormAsync($"/programmes/manage/{slug}/cohorts/new", "main form[method=post]",
            ("Input.Title", "Led by Sam"), ("Input.FacilitatorHandles", "sam"), ("Input.Sessions[0].Date", "2031-01-01"), ("Input.Sessions[0].Time", "10:00"));
        TestApp.AssertRedirect(next, "/programmes/cohorts/");
    }
}
