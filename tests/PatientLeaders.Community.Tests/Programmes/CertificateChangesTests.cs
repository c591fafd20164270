using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>A certificate is never changed in place: a coordinator reissues it in the holder's current name, or withdraws it with a reason, and the old one says so.</summary>
public sealed class CertificateChangesTests
{
    [Test]
    public async Task Reissuing_KeepsTheOldOneAsReplaced_AndWithdrawing_SaysWhyToAnyoneWhoChecks()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var slug = await world.CreateProgrammeAsync("Leading change", minSessions: 1, minCoachingCalls: 0);
        var cohortId = await world.CreateCohortAsync(daysAhead: 1, slug: slug);
        var sam = await world.MemberAsync("sam");
        var applicationId = await world.EnrolAsync(sam, cohortId);
        await world.PassDaysAsync(2, sam);
        var register = await world.Facilitator.GetPageAsync($"/programmes/cohorts/{cohortId}/register");
        var first = register.QuerySelector("select[name^=Marks]")!.GetAttribute("id")!;
        TestApp.AssertRedirect(await world.Facilitator.PostFormAsync($"/programmes/cohorts/{cohortId}/register", "main form[method=post]", ($"Marks[{first}]", "Present")),
            $"/programmes/cohorts/{cohortId}/register");
        var original = await world.App.ScalarAsync<string>("SELECT Code FROM ProgrammeCertificates WHERE ApplicationId = @applicationId", new { applicationId });
        TestApp.AssertRedirect(await sam.PostFormAsync($"/certificates/{original}", "main form[method=post]"), $"/certificates/{original}");

        // Sam changes his name; the certificate keeps the name it was issued in until a coordinator reissues it.
        TestApp.AssertRedirect(await sam.PostFormAsync("/account/profile", "main form[method=post]", ("Input.DisplayName", "Samuel Jones")), "/members/sam");
        var participants = $"/programmes/manage/cohorts/{cohortId}/participants";
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync(participants, $"form[action*='applicationId={applicationId}'][action*=Reissue]"), participants);
        var current = await world.App.ScalarAsync<string>("SELECT Code FROM ProgrammeCertificates WHERE ApplicationId = @applicationId AND RevokedAt IS NULL", new { applicationId });
        Assert.That(current, Is.Not.EqualTo(original));
        var guest = world.App.NewBrowser();
        var old = (await guest.GetPageAsync($"/certificates/{original}")).Text("main");
        Assert.That(old, Does.Contain("This certificate was replaced").And.Contain("Member sam"));
        var reissued = (await guest.GetPageAsync($"/certificates/{current}")).Text("main");
        Assert.That(reissued, Does.Contain("This certificate is real").And.Contain("Samuel Jones"), "public, like the one it replaced");
        Assert.That((await world.App.LastMailToAsync("sam@example.org")).Subject, Does.StartWith("Your certificate for Leading change has been reissued"));

        // Withdrawing needs a reason, which anyone checking reads; the form keeps what was typed when refused.
        var refused = await Forms.ParseAsync(await world.Coordinator.PostFormAsync(participants, $"form[action*='applicationId={applicationId}'][action*=Revoke]", ("Reason", " ")));
        Assert.That(refused.ErrorSummary(), Has.Some.Contains("anyone who checks it will read this"));
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync(participants, $"form[action*='applicationId={applicationId}'][action*=Revoke]",
            ("Reason", "Issued in error: the register was corrected.")), participants);
        var withdrawn = (await guest.GetPageAsync($"/certificates/{current}")).Text("main");
        Assert.That(withdrawn, Does.Contain("This certificate was revoked").And.Contain("Issued in error: the register was corrected."));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM ProgrammeCertificates WHERE RevokedById IS NOT NULL"), Is.EqualTo(2), "who did each is kept");
        Assert.That((await world.App.LastMailToAsync("sam@example.org")).TextBody, Does.Contain("Issued in error"));
        var holder = await sam.PostAsync($"{participants}?applicationId={applicationId}&handler=Reissue", new FormUrlEncodedContent([]));
        Assert.That(holder.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(holder.Headers.Location!.OriginalString, Does.Contain("/errors/403"), "only coordinators reissue");
    }
}
