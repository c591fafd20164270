using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Tests.Mentoring;

public sealed class MentoringFlowTests
{
    [Test]
    public async Task Request_SuggestsAccreditedMentorsWithPlainExplanations_AndNeverNamesAPrivateTheme()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        var rhian = await world.MentorAsync("rhian", ("Input.FocusAreas", "InfluencingCommissioners"), ("Input.Languages", "English, Welsh"),
            ("Input.Themes", "Cancer"), ("Input.Themes", "MentalHealth"), ("Input.ThemesConsent", "true"), ("Input.Region", "Wales"));
        await world.MentorAsync("paused", ("Input.FocusAreas", "InfluencingCommissioners"), ("Input.IsPaused", "true"));
        await world.MentorAsync("expired", ("Input.FocusAreas", "InfluencingCommissioners"));
        await app.ScalarAsync<long>("UPDATE MentorAccreditations SET ExpiresOn = @Past WHERE MemberId = (SELECT Id FROM Members WHERE Handle = 'expired'); SELECT changes();",
            new { Past = clock.GetUtcNow().AddDays(-1) });
        var full = await world.MentorAsync("full", ("Input.FocusAreas", "InfluencingCommissioners"));
        await app.ScalarAsync<long>("UPDATE MentorOffers SET ActiveCount = Capacity WHERE MemberId = (SELECT Id FROM Members WHERE Handle = 'full'); SELECT changes();");
        await app.InviteMemberAsync(world.Admin, "unaccredited@example.org", "unaccredited", Web.Features.Accounts.Roles.Mentor)
            .ContinueWith(async t => await world.SaveOfferAsync(await t, ("Input.FocusAreas", "InfluencingCommissioners"))).Unwrap();

        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam, ("Input.FocusAreas", "InfluencingCommissioners"), ("Input.Language", "Welsh"),
            ("Input.Themes", "MentalHealth"), ("Input.PrivateThemes", "Cancer"), ("Input.ThemesConsent", "true"));

        var page = await sam.GetPageAsync($"/mentoring/requests/{requestId}");
        var names = page.QuerySelectorAll(".suggestion h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Member rhian" }), "never paused, expired, full or unaccredited mentors");
        var explanation = page.Text(".suggestion .explanation");
        Assert.That(explanation, Is.EqualTo("You both chose influencing commissioners; shares lived experience of mental health; telephone; speaks Welsh"));
        Assert.That(page.Text(".suggestion"), Does.Contain("also matches a theme you chose to keep private"));

        TestApp.AssertRedirect(await world.ChooseAsync(sam, requestId, false, await world.IdOfAsync("rhian")), $"/mentoring/requests/{requestId}");
        var mentorView = await rhian.GetPageAsync($"/mentoring/requests/{requestId}");
        Assert.That(mentorView.Text("main .explanation"), Does.StartWith("You both chose influencing commissioners; shares lived experience of mental health"));
        Assert.That(mentorView.Text("main"), Does.Not.Contain("Cancer").And.Not.Contain("private"), "the mentor never sees the private theme");
        var cohort = await world.Coordinator.GetPageAsync("/mentoring/coordinate/cohort");
        Assert.That(cohort.Text("main"), Does.Not.Contain("Cancer"));
        Assert.That((await app.MailAsync()).Select(m => m.TextBody + m.Subject), Has.None.Contains("Cancer").And.None.Contains("ental health"), "mail never carries themes");
        _ = full;
    }

    [Test]
    public async Task Accept_StartsThePair_WithdrawsTheOthers_AndTellsEveryone()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        var ann = await world.MentorAsync("ann");
        var bob = await world.MentorAsync("bob");
        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam);
        await world.ChooseAsync(sam, requestId, true, await world.IdOfAsync("ann"), await world.IdOfAsync("bob"));
        Assert.That((await app.LastMailToAsync("bob@example.org")).Subject, Is.EqualTo("Member sam would like you to be their mentor"));

        var relationshipId = await world.AcceptAsync(ann, requestId);
        Assert.That((await app.LastMailToAsync("sam@example.org")).Subject, Is.EqualTo("Member ann will be your mentor"));
        Assert.That((await app.LastMailToAsync("bob@example.org")).Subject, Is.EqualTo("Member sam's request is no longer waiting for you"));
        var late = await bob.GetPageAsync($"/mentoring/requests/{requestId}");
        Assert.That(late.QuerySelector("form[action*=Accept]"), Is.Null);
        Assert.That(late.Text("main"), Does.Contain("no longer needs your answer"));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MentoringRelationships"), Is.EqualTo(1));
        Assert.That(await app.ScalarAsync<long>("SELECT ActiveCount FROM MentorOffers WHERE MemberId = @Id", new { Id = await world.IdOfAsync("ann") }), Is.EqualTo(1));

        var pairPage = await sam.GetPageAsync($"/mentoring/{relationshipId}");
        Assert.That(pairPage.Text("h1"), Is.EqualTo("Mentoring with Member ann"));
        var status = await sam.GetPageAsync($"/mentoring/requests/{requestId}");
        Assert.That(status.Text("#request-status"), Does.Contain("Matched"));
    }

    [Test]
    public async Task Decline_InOrder_MovesToTheNextChoice_ThenDeclineAndPause_MovesToCoordinators()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        var ann = await world.MentorAsync("ann");
        var bob = await world.MentorAsync("bob");
        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam);
        await world.ChooseAsync(sam, requestId, false, await world.IdOfAsync("ann"), await world.IdOfAsync("bob"));
        Assert.That((await app.MailAsync()).Count(m => m.ToAddress == "bob@example.org" && m.Subject.Contains("would like you")), Is.Zero, "second choice waits its turn");
        Assert.That((await bob.GetAsync($"/mentoring/requests/{requestId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not shown to a queued mentor");

        TestApp.AssertRedirect(await ann.PostFormAsync($"/mentoring/requests/{requestId}", "form[action*=Decline]", ("Decline.Message", "Good luck, you will do well")), "/mentoring");
        var declined = await app.LastMailToAsync("sam@example.org");
        Assert.That(declined.TextBody, Does.Contain("Good luck, you will do well").And.Contain("we have now asked Member bob"));
        Assert.That((await app.LastMailToAsync("bob@example.org")).Subject, Does.Contain("would like you to be their mentor"));

        TestApp.AssertRedirect(await bob.PostFormAsync($"/mentoring/requests/{requestId}", "form[action*=Decline]", ("Decline.Pause", "true")), "/mentoring");
        Assert.That(await app.ScalarAsync<string>("SELECT Status FROM MentoringRequests WHERE Id = @Id", new { Id = requestId }), Is.EqualTo(RequestStatus.WithCoordinators));
        Assert.That(await app.ScalarAsync<long>("SELECT IsPaused FROM MentorOffers WHERE MemberId = @Id", new { Id = await world.IdOfAsync("bob") }), Is.EqualTo(1));
        Assert.That((await app.LastMailToAsync("coordinator@example.org")).Subject, Is.EqualTo("A mentoring request needs a coordinator"));
        var status = await sam.GetPageAsync($"/mentoring/requests/{requestId}");
        Assert.That(status.Text("#request-status"), Does.Contain("With the mentoring coordinators").And.Contain("within 5 days"));
    }

    [Test]
    public async Task UnansweredRequest_IsRemindedOnce_ThenHandedOn_ThenWithCoordinators()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings(("Mentoring:ReminderDays", "3"), ("Mentoring:HandOnDays", "6")));
        var world = await MentoringWorld.CreateAsync(app, clock);
        await world.MentorAsync("ann");
        await world.MentorAsync("bob");
        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam);
        await world.ChooseAsync(sam, requestId, false, await world.IdOfAsync("ann"), await world.IdOfAsync("bob"));
        var scheduler = app.Service<MentoringScheduler>();

        clock.Advance(TimeSpan.FromDays(2));
        Assert.That((await scheduler.RunOnceAsync(CancellationToken.None)).Reminders, Is.Zero);
        clock.Advance(TimeSpan.FromDays(1.5));
        Assert.That((await scheduler.RunOnceAsync(CancellationToken.None)).Reminders, Is.EqualTo(1));
        Assert.That((await scheduler.RunOnceAsync(CancellationToken.None)).Reminders, Is.Zero, "never twice");
        Assert.That((await app.LastMailToAsync("ann@example.org")).Subject, Does.StartWith("Reminder:"));

        clock.Advance(TimeSpan.FromDays(3));
        var pass = await scheduler.RunOnceAsync(CancellationToken.None);
        Assert.That(pass.HandOns, Is.EqualTo(1));
        Assert.That((await app.LastMailToAsync("sam@example.org")).TextBody, Does.Contain("we have now asked Member bob"));
        Assert.That((await app.LastMailToAsync("ann@example.org")).Subject, Is.EqualTo("We have passed Member sam's request on"));
        var samAgain = await world.SignInAgainAsync("sam");
        Assert.That((await samAgain.GetPageAsync($"/mentoring/requests/{requestId}")).Text("#request-status"),
            Does.Contain("Member ann: Did not answer in time").And.Contain("We have asked Member bob"));

        clock.Advance(TimeSpan.FromDays(7));
        Assert.That((await scheduler.RunOnceAsync(CancellationToken.None)).HandOns, Is.EqualTo(1));
        Assert.That(await app.ScalarAsync<string>("SELECT Status FROM MentoringRequests WHERE Id = @Id", new { Id = requestId }), Is.EqualTo(RequestStatus.WithCoordinators));
        Assert.That(await app.ScalarAsync<long>("""
            SELECT COUNT(*) FROM MentoringRequests r WHERE r.Status = 'Waiting'
            AND NOT EXISTS (SELECT 1 FROM MentoringRequestChoices c WHERE c.RequestId = r.Id AND c.Status = 'Pending')
            """), Is.Zero, "no request waits with nobody responsible");
    }

    [Test]
    public async Task ConcurrentAccepts_NeverExceedCapacity()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        await world.MentorAsync("ann", ("Input.Capacity", "2"));
        var annId = await world.IdOfAsync("ann");
        var store = app.Service<MentoringStore>();
        var choices = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var requestId = await store.CreateRequestAsync(await world.IdOfAsync("admin"), new RequestEdit("Goals", ["CoProduction"], [], [], false, "", false, "Telephone", false, "", ""), CancellationToken.None);
            Assert.That(await store.ChooseMentorsAsync(requestId, await world.IdOfAsync("admin"), [annId], false, CancellationToken.None), Is.True);
            choices.Add(await app.ScalarAsync<long>("SELECT Id FROM MentoringRequestChoices WHERE RequestId = @RequestId", new { RequestId = requestId }));
        }
        var results = await Task.WhenAll(choices.Select(id => Task.Run(() => store.AcceptAsync(id, annId, CancellationToken.None))));
        Assert.That(results.Count(r => r.Result == ResponseResult.Accepted), Is.EqualTo(2));
        Assert.That(results.Count(r => r.Result == ResponseResult.NoRoom), Is.EqualTo(4));
        Assert.That(await app.ScalarAsync<long>("SELECT ActiveCount FROM MentorOffers WHERE MemberId = @Id", new { Id = annId }), Is.EqualTo(2));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MentoringRelationships WHERE MentorId = @Id", new { Id = annId }), Is.EqualTo(2));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MentoringRequestChoices WHERE Status = 'Pending'"), Is.EqualTo(4), "refused accepts leave the requests waiting");
    }

    [Test]
    public async Task ConcurrentAcceptsOfOneRequest_ByTwoMentors_MakeOnePair()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        await world.MentorAsync("ann");
        await world.MentorAsync("bob");
        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam);
        await world.ChooseAsync(sam, requestId, true, await world.IdOfAsync("ann"), await world.IdOfAsync("bob"));
        var store = app.Service<MentoringStore>();
        var choices = (await store.RequestAsync(requestId, CancellationToken.None))!.Choices;
        var results = await Task.WhenAll(choices.Select(c => Task.Run(() => store.AcceptAsync(c.Id, c.MentorId, CancellationToken.None))));
        Assert.That(results.Count(r => r.Result == ResponseResult.Accepted), Is.EqualTo(1));
        Assert.That(await app.ScalarAsync<long>("SELECT SUM(ActiveCount) FROM MentorOffers"), Is.EqualTo(1));
    }

    [Test]
    public async Task AccreditationExpiry_TellsCoordinatorsOnceAhead_AndExpiredMentorsLeaveSuggestions()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings(("Mentoring:AccreditationNoticeDays", "30")));
        var world = await MentoringWorld.CreateAsync(app, clock);
        await app.InviteMemberAsync(world.Admin, "ann@example.org", "ann", Web.Features.Accounts.Roles.Mentor)
            .ContinueWith(async t => await world.SaveOfferAsync(await t)).Unwrap();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await world.AccreditAsync("ann", "Mentor", today.AddDays(40));
        await world.AccreditAsync("ann", "Facilitator", today.AddDays(45));
        var scheduler = app.Service<MentoringScheduler>();
        var store = app.Service<MentoringStore>();
        int Notices() => app.MailAsync().Result.Count(m => m.Subject.Contains("accreditation expires"));

        Assert.That((await scheduler.RunOnceAsync(CancellationToken.None)).ExpiryNotices, Is.Zero);
        clock.Advance(TimeSpan.FromDays(11));
        Assert.That((await scheduler.RunOnceAsync(CancellationToken.None)).ExpiryNotices, Is.EqualTo(1));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => scheduler.RunOnceAsync(CancellationToken.None))));
        Assert.That(Notices(), Is.EqualTo(1), "one mail for the mentor accreditation, never twice");
        Assert.That((await app.LastMailToAsync("coordinator@example.org")).Subject, Does.Contain("Member ann's mentor accreditation expires on"));
        clock.Advance(TimeSpan.FromDays(5));
        await scheduler.RunOnceAsync(CancellationToken.None);
        Assert.That(Notices(), Is.EqualTo(2), "then one for the facilitator accreditation");
        Assert.That((await store.CandidatesAsync(CancellationToken.None)).Single().IsAccredited, Is.True);

        clock.Advance(TimeSpan.FromDays(25));
        Assert.That((await store.CandidatesAsync(CancellationToken.None)).Single().IsAccredited, Is.False, "expired: out of suggestions");
        var coordinator = await world.SignInAgainCoordinatorAsync();
        var annId = await world.IdOfAsync("ann");
        var accreditationId = await app.ScalarAsync<long>("SELECT Id FROM MentorAccreditations WHERE Kind = 'Mentor'");
        TestApp.AssertRedirect(await coordinator.PostFormAsync($"/mentoring/coordinate/mentors/{annId}", "form[action*=Renew]",
            ("Input.AccreditationId", accreditationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.ExpiresOn", today.AddYears(3).ToString("yyyy-MM-dd"))), $"/mentoring/coordinate/mentors/{annId}");
        Assert.That((await store.CandidatesAsync(CancellationToken.None)).Single().IsAccredited, Is.True, "renewed: back in suggestions");
    }
}
