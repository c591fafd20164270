using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Tests.Mentoring;

/// <summary>The coordinators' page for one request: its story, who has it, and the two kind actions.</summary>
public sealed class RequestCaseTests
{
    [Test]
    public async Task RequestCase_ShowsOrderRemindersAndHandOns_LetsACoordinatorOfferAMentor_AndNeverNamesAPrivateTheme()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings(("Mentoring:ReminderDays", "3"), ("Mentoring:HandOnDays", "6")));
        var world = await MentoringWorld.CreateAsync(app, clock);
        await world.MentorAsync("ann");
        await world.MentorAsync("bob");
        await world.MentorAsync("cat");
        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam, ("Input.Themes", "MentalHealth"), ("Input.PrivateThemes", "Cancer"), ("Input.ThemesConsent", "true"));
        await world.ChooseAsync(sam, requestId, false, await world.IdOfAsync("ann"), await world.IdOfAsync("bob"));
        var url = $"/mentoring/coordinate/requests/{requestId}";

        var dashboard = await world.Coordinator.GetPageAsync("/mentoring/coordinate");
        Assert.That(dashboard.QuerySelector($"a[href='{url}']")?.TextContent, Is.EqualTo("Member sam"), "linked from the dashboard's queue");
        var page = await world.Coordinator.GetPageAsync(url);
        Assert.That(page.Text("#request-status"), Does.Contain("Member ann, the mentor asked").And.Contain("passes to Member bob, the mentee's next choice"));
        var rows = page.QuerySelectorAll("tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()))).ToList();
        Assert.That(rows, Is.EqualTo(new[] { "1|Member ann|Asked, waiting for an answer", "2|Member bob|Next in line" }), "the mentee's order, each answer");

        var scheduler = app.Service<MentoringScheduler>();
        clock.Advance(TimeSpan.FromDays(3.5));
        await scheduler.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(3));
        await scheduler.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(7));
        await scheduler.RunOnceAsync(CancellationToken.None);

        var coordinator = await world.SignInAgainCoordinatorAsync();
        page = await coordinator.GetPageAsync(url);
        Assert.That(page.Text("#request-status"), Does.Contain("With the mentoring coordinators").And.Contain("The coordinators: you").And.Contain("Offer a mentor below"));
        Assert.That(page.QuerySelectorAll("#request-history li").Select(li => li.TextContent.Split(": ", 2)[1]), Is.EqualTo(new[]
        {
            "Member sam asked for mentoring", "Sent to Member ann", "Member ann was reminded",
            "Member ann did not answer in time, so the request was handed on", "Sent to Member bob", "Member bob was reminded",
            "Member bob did not answer in time, so the request was handed on", "The request came to the coordinators",
        }));
        Assert.That(page.Text("main"), Does.Contain("Mental health").And.Not.Contain("Cancer").And.Not.Contain("private theme"), "published themes only");
        Assert.That(page.Text("main"), Does.Not.Contain("Find my voice at board meetings"), "the mentee's own words are for their mentor");
        Assert.That(page.QuerySelectorAll("#suggestions li > p:first-child > strong").Select(s => s.TextContent), Is.EqualTo(new[] { "Member cat" }), "mentors already asked are not suggested again");
        Assert.That(page.Text("#suggestions .explanation"), Does.StartWith("You both chose"));

        TestApp.AssertRedirect(await coordinator.PostFormAsync(url, "form[action*=Offer]"), url);
        Assert.That(await app.ScalarAsync<string>("SELECT Status FROM MentoringRequests"), Is.EqualTo(RequestStatus.Waiting));
        Assert.That((await app.LastMailToAsync("cat@example.org")).Subject, Is.EqualTo("Member sam would like you to be their mentor"));
        Assert.That((await app.LastMailToAsync("sam@example.org")).Subject, Is.EqualTo("We have asked Member cat to be your mentor"));
        page = await coordinator.GetPageAsync(url);
        Assert.That(page.Text("#request-status"), Does.Contain("Member cat, the mentor asked"));
        Assert.That(page.Text("#request-history"), Does.EndWith("A coordinator asked Member cat"));
        Assert.That(page.QuerySelector("form[action*=Offer]"), Is.Null, "a mentor has it now");
    }

    [Test]
    public async Task CloseKindly_NeedsAMessage_ThenClosesAndShowsItOnlyToTheMentee()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        var ann = await world.MentorAsync("ann");
        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam);
        await world.ChooseAsync(sam, requestId, false, await world.IdOfAsync("ann"));
        var url = $"/mentoring/coordinate/requests/{requestId}";

        var empty = await Forms.ParseAsync(await world.Admin.PostFormAsync(url, "#close-form", ("Input.Message", "  ")));
        Assert.That(empty.ErrorSummary(), Is.EqualTo(new[] { "Write a kind message to the mentee explaining why the request is closing" }), "admins coordinate too");
        TestApp.AssertRedirect(await world.Admin.PostFormAsync(url, "#close-form", ("Input.Message", "We will call you next week to talk it through.")), url);

        Assert.That(await app.ScalarAsync<string>("SELECT Status FROM MentoringRequests"), Is.EqualTo(RequestStatus.Closed));
        Assert.That(await app.ScalarAsync<string>("SELECT Status FROM MentoringRequestChoices"), Is.EqualTo(ChoiceStatus.Withdrawn));
        Assert.That((await app.LastMailToAsync("ann@example.org")).Subject, Does.Contain("no longer").IgnoreCase.Or.Contain("settled").IgnoreCase);
        var mail = await app.LastMailToAsync("sam@example.org");
        Assert.That(mail.Subject, Is.EqualTo("About your mentoring request"));
        Assert.That(mail.TextBody, Does.Not.Contain("call you next week"), "the message is read on the site, not carried in mail");
        var mentee = await sam.GetPageAsync($"/mentoring/requests/{requestId}");
        Assert.That(mentee.Text("#request-status"), Does.Contain("Closed by the coordinators").And.Contain("We will call you next week to talk it through."));
        Assert.That((await ann.GetPageAsync($"/mentoring/requests/{requestId}")).Text("main"), Does.Not.Contain("call you next week"));
        Assert.That((await world.Coordinator.GetPageAsync(url)).QuerySelector("#close-form"), Is.Null, "closed once");
    }
}
