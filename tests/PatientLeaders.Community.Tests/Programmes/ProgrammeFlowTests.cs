using AngleSharp.Dom;
using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>From the public catalogue to a confirmed place: applying, offers, the waiting list and the background pass.</summary>
public sealed class ProgrammeFlowTests
{
    [Test]
    public async Task ACohortIsListedPublicly_AndCarriesItsOwnSetWithTheActionLearningMeetings()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(places: 6);

        var guest = world.App.NewBrowser();
        var catalogue = await guest.GetPageAsync("/programmes");
        Assert.That(catalogue.Text("main"), Does.Contain("The Effective Patient Leader").And.Contain("6 places left"));
        var cohort = await guest.GetPageAsync($"/programmes/cohorts/{cohortId}");
        Assert.That(cohort.QuerySelectorAll(".session-list li"), Has.Length.EqualTo(3));
        Assert.That(cohort.Text("main"), Does.Contain("Telling your story").And.Contain("Action learning meeting").And.Contain("Coaching call"));
        Assert.That(cohort.QuerySelector($"a[href='/programmes/cohorts/{cohortId}/apply']"), Is.Not.Null);

        var setId = await world.App.ScalarAsync<long>("SELECT SetId FROM ProgrammeCohorts WHERE Id = @cohortId", new { cohortId });
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM SetMeetings WHERE SetId = @setId", new { setId }), Is.EqualTo(1), "one action learning session, one set meeting");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CohortSessions WHERE CohortId = @cohortId AND MeetingId IS NOT NULL", new { cohortId }), Is.EqualTo(1));
        Assert.That(await world.App.ScalarAsync<long>("SELECT FacilitatorId FROM Sets WHERE Id = @setId", new { setId }), Is.EqualTo(await world.IdOfAsync("faye")));
    }

    [Test]
    public async Task ApplyingOfferingAndAccepting_SendsJoiningInstructionsWithEverySession_AndOpensTheSet()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync();
        var sam = await world.MemberAsync("sam");
        var applicationId = await world.ApplyAsync(sam, cohortId, accessNeeds: "I need a break every hour");
        Assert.That((await world.App.LastMailToAsync("sam@example.org")).Subject, Does.StartWith("We have your application"));

        var decisions = await world.Coordinator.GetPageAsync($"/programmes/manage/cohorts/{cohortId}");
        Assert.That(decisions.Text("main"), Does.Contain("I need a break every hour").And.Contain("To speak up for stroke survivors"));
        TestApp.AssertRedirect(await world.DecideAsync(cohortId, applicationId, "Offer"), $"/programmes/manage/cohorts/{cohortId}");
        var offer = await world.App.LastMailToAsync("sam@example.org");
        Assert.That(offer.Subject, Does.StartWith("A place for you"));
        Assert.That(offer.TextBody, Does.Not.Contain("break every hour"), "access needs never go into mail");

        TestApp.AssertRedirect(await ProgrammeWorld.AnswerAsync(sam, applicationId, "Accept"), "/programmes/applications");
        Assert.That(await world.StatusAsync(applicationId), Is.EqualTo(ApplicationStatus.Accepted));
        var joining = await world.App.LastMailToAsync("sam@example.org");
        Assert.That(joining.Subject, Does.StartWith("Joining instructions"));
        var calendar = await world.App.ScalarAsync<string>("SELECT CalendarAttachment FROM MailOutbox WHERE ToAddress = 'sam@example.org' ORDER BY Id DESC LIMIT 1");
        Assert.That(System.Text.RegularExpressions.Regex.Matches(calendar, "BEGIN:VEVENT"), Has.Count.EqualTo(3), "every session in one calendar file");

        var setId = await world.App.ScalarAsync<long>("SELECT SetId FROM ProgrammeCohorts WHERE Id = @cohortId", new { cohortId });
        Assert.That((await sam.GetAsync($"/sets/{setId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the participant is in the cohort's set");

        // The facilitator sees the participant's access needs; another member does not.
        Assert.That((await world.Facilitator.GetPageAsync($"/programmes/cohorts/{cohortId}")).Text("main"), Does.Contain("I need a break every hour"));
        var olly = await world.MemberAsync("olly");
        Assert.That((await olly.GetPageAsync($"/programmes/cohorts/{cohortId}")).Text("main"), Does.Not.Contain("I need a break every hour"));
        Assert.That((await sam.GetPageAsync($"/programmes/cohorts/{cohortId}")).Text("main"), Does.Not.Contain("I need a break every hour"),
            "participants do not see each other's access needs, nor the list of them");
    }

    [Test]
    public async Task AFreedPlace_GoesAtOnceToTheFirstPersonWaiting()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(places: 1);
        var ann = await world.MemberAsync("ann");
        var ben = await world.MemberAsync("ben");
        var cal = await world.MemberAsync("cal");
        var annApp = await world.ApplyAsync(ann, cohortId);
        var benApp = await world.ApplyAsync(ben, cohortId);
        var calApp = await world.ApplyAsync(cal, cohortId);
        await world.DecideAsync(cohortId, annApp, "Offer");
        await world.DecideAsync(cohortId, benApp, "Wait");
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.DecideAsync(cohortId, calApp, "Wait");

        // The cohort is full: a second offer is refused and nothing changes.
        var refused = await world.DecideAsync(cohortId, calApp, "Offer");
        TestApp.AssertRedirect(refused, $"/programmes/manage/cohorts/{cohortId}");
        Assert.That(await world.StatusAsync(calApp), Is.EqualTo(ApplicationStatus.Waiting));

        TestApp.AssertRedirect(await ProgrammeWorld.AnswerAsync(ann, annApp, "Withdraw"), "/programmes/applications");
        Assert.That(await world.StatusAsync(benApp), Is.EqualTo(ApplicationStatus.Offered), "first on the list, first offered");
        Assert.That(await world.StatusAsync(calApp), Is.EqualTo(ApplicationStatus.Waiting));
        Assert.That((await world.App.LastMailToAsync("ben@example.org")).TextBody, Does.Contain("a place has come free"));
    }

    [Test]
    public async Task TheBackgroundPass_LapsesUnansweredOffers_RemindsCoordinatorsOnce_AndGivesEveryoneAFinalAnswer()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(places: 1, daysAhead: 20);
        var ann = await world.MemberAsync("ann");
        var ben = await world.MemberAsync("ben");
        var cal = await world.MemberAsync("cal");
        var annApp = await world.ApplyAsync(ann, cohortId);
        var benApp = await world.ApplyAsync(ben, cohortId);
        var calApp = await world.ApplyAsync(cal, cohortId);
        await world.DecideAsync(cohortId, annApp, "Offer");
        await world.DecideAsync(cohortId, benApp, "Wait");
        var applications = world.App.Service<ApplicationStore>();

        // Day 6: Cal's application has waited more than five days; the coordinators hear once.
        world.Clock.Advance(TimeSpan.FromDays(6));
        var first = await applications.RunPassAsync(CancellationToken.None);
        Assert.That(first.Reminders, Is.EqualTo(2), "the programme coordinator and the admin");
        Assert.That((await world.App.LastMailToAsync("pat@example.org")).Subject, Does.Contain("1 application for The Effective Patient Leader: Spring is waiting"));
        Assert.That((await applications.RunPassAsync(CancellationToken.None)).Reminders, Is.EqualTo(0), "never twice");
        Assert.That(await world.StatusAsync(annApp), Is.EqualTo(ApplicationStatus.Offered), "the offer has a day left");

        // Day 8: Ann's week to answer is over; the place goes to Ben.
        world.Clock.Advance(TimeSpan.FromDays(2));
        var second = await applications.RunPassAsync(CancellationToken.None);
        Assert.That((second.Lapsed, second.HandedOn), Is.EqualTo((1, 1)));
        Assert.That(await world.StatusAsync(annApp), Is.EqualTo(ApplicationStatus.Lapsed));
        Assert.That(await world.StatusAsync(benApp), Is.EqualTo(ApplicationStatus.Offered));
        Assert.That((await world.App.LastMailToAsync("ann@example.org")).Subject, Does.Contain("has ended"));

        // Three days before the start, Cal, never decided on, gets a final answer.
        world.Clock.Advance(TimeSpan.FromDays(10));
        var third = await applications.RunPassAsync(CancellationToken.None);
        Assert.That(third.FinalAnswers, Is.EqualTo(1));
        Assert.That(await world.StatusAsync(calApp), Is.EqualTo(ApplicationStatus.Declined));
        Assert.That((await world.App.LastMailToAsync("cal@example.org")).TextBody, Does.Contain("we promised you an answer before it starts"));
        Assert.That((await applications.RunPassAsync(CancellationToken.None)).FinalAnswers, Is.EqualTo(0));
    }

    [Test]
    public async Task DecliningSendsTheCoordinatorsKindMessage_InTheApplicantsLanguage()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync();
        var sam = await world.MemberAsync("sam");
        await world.App.ScalarAsync<long>("UPDATE Members SET Language = 'es-ES' WHERE Handle = 'sam'; SELECT 1");
        var applicationId = await world.ApplyAsync(sam, cohortId);
        Assert.That((await world.App.LastMailToAsync("sam@example.org")).Subject, Does.StartWith("Hemos recibido su solicitud"));

        await world.DecideAsync(cohortId, applicationId, "Decline", "The autumn cohort would suit you well.");
        var mail = await world.App.LastMailToAsync("sam@example.org");
        Assert.That(mail.TextBody, Does.Contain("The autumn cohort would suit you well.").And.Contain("Lamentamos"));
        var mine = await sam.GetPageAsync("/programmes/applications");
        Assert.That(mine.Text("main"), Does.Contain("The autumn cohort would suit you well."));
    }

    [Test]
    public async Task CopyingACohort_KeepsItsPatternAndMovesItForwardByWholeWeeks()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var cohortId = await world.CreateCohortAsync(places: 5, daysAhead: 10);
        var copy = await world.Coordinator.GetPageAsync($"/programmes/manage/{world.Slug}/cohorts/new?copy={cohortId}");
        Assert.That(copy.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Places")!.Value, Is.EqualTo("5"));
        Assert.That(copy.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_FacilitatorHandles")!.Value, Is.EqualTo("faye"));
        var first = DateOnly.Parse(copy.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Sessions_0__Date")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var original = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).AddDays(10);
        Assert.That((first.DayNumber - original.DayNumber) % 7, Is.EqualTo(0));
        Assert.That(first.DayNumber - DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).DayNumber, Is.GreaterThanOrEqualTo(28));
        Assert.That(copy.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Sessions_0__Title")!.Value, Is.EqualTo("Telling your story"));
    }
}
