using System.Net;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Tests.Sets;

namespace PatientLeaders.Community.Tests.Home;

/// <summary>"/" for visitors (the Centre's front door) and for members (their home).</summary>
public sealed class HomeTests
{
    [Test]
    public async Task Visitors_SeeTheFrontDoor_WithTheCentresOwnNameAndContact_FromSettings()
    {
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?>
        {
            ["Centre:Name"] = "the Northshire Centre",
            ["Centre:ContactEmail"] = "hello@northshire.example",
            ["Centre:Address"] = "1 High Street\nNorthtown",
            ["Centre:Telephone"] = "+44 1234 567890",
        });
        var guest = app.NewBrowser();
        var home = await guest.GetPageAsync("/");
        Assert.That(home.Text("h1"), Is.EqualTo("Patient Leaders Community"));
        Assert.That(home.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()),
            Is.SupersetOf(new[] { "What happens here", "Upcoming programmes", "How to join", "Contact us" }));
        Assert.That(home.Text("main"), Does.Contain("Learning programmes").And.Contain("Action learning sets").And.Contain("Mentoring")
            .And.Contain("The pool of patient leaders").And.Contain("Membership is by invitation"));
        Assert.That(home.QuerySelector("main a[href='mailto:hello@northshire.example']"), Is.Not.Null);
        Assert.That(home.QuerySelector("main a[href='tel:+441234567890']"), Is.Not.Null);
        Assert.That(home.Text("footer"), Does.Contain("run by the Northshire Centre").And.Contain("1 High Street"));

        foreach (var page in new[] { "/help", "/help/accessibility" })
        {
            var html = await (await guest.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain("hello@northshire.example").And.Not.Contain("community@patientleaders.example"), page);
        }
        Assert.That((await guest.GetAsync("/favicon.ico")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await guest.GetAsync("/favicon.svg")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await guest.GetAsync("/lib/atkinson-hyperlegible/fonts.css")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AMembersHome_ShowsMentoringWithItsNextStepAndUnreadMessages_Discussions_Drafts_AndAProfilePrompt()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        var (ann, sam, pairId) = await world.PairAsync("ann", "sam");
        await world.Admin.CreateCategoryAsync("General chat");
        await world.Admin.CreateCategoryAsync("Research");
        var threadId = await ann.StartThreadAsync("general-chat", "Board papers", "How do you read them?");

        var home = await sam.GetPageAsync("/");
        Assert.That(home.Text("h1"), Does.StartWith("Welcome back"));
        Assert.That(home.Text(".profile-prompt"), Does.Contain("Finish your profile").And.Contain("your region"));
        Assert.That(home.QuerySelector(".dashboard-sets"), Is.Null, "no sets, no sets panel");
        var mentoring = home.Text("section[aria-labelledby=mentoring-heading]");
        Assert.That(mentoring, Does.Contain("Mentored by").And.Contain("Arrange your first conversation."));
        Assert.That(home.Text("section[aria-labelledby=discussions-heading]"), Does.Contain("Latest discussions").And.Contain("Board papers"));
        Assert.That(home.Text("section[aria-labelledby=discussions-heading] .tag-new"), Is.EqualTo("Unread"));

        TestApp.AssertRedirect(await ann.PostFormAsync($"/mentoring/{pairId}/messages", "#message-form", ("Body", "Hello Sam")), $"/mentoring/{pairId}/messages");
        TestApp.AssertRedirect(await ann.PostFormAsync($"/mentoring/{pairId}/messages", "#message-form", ("Body", "Are you free on Tuesday?")), $"/mentoring/{pairId}/messages");
        home = await sam.GetPageAsync("/");
        Assert.That(home.Text("section[aria-labelledby=mentoring-heading]"), Does.Contain("2 unread messages"));
        Assert.That((await ann.GetPageAsync("/")).Text("section[aria-labelledby=mentoring-heading]"), Does.Contain("Mentoring").And.Not.Contain("unread"),
            "your own messages are never unread");
        await sam.GetPageAsync($"/mentoring/{pairId}/messages");
        Assert.That((await sam.GetPageAsync("/")).Text("section[aria-labelledby=mentoring-heading]"), Does.Not.Contain("unread"));

        // Following a category puts its discussions first; a thread read is no longer marked.
        var research = await ann.StartThreadAsync("research", "A survey", "Please fill it in");
        TestApp.AssertRedirect(await sam.SubmitAsync("/forum/research", new Dictionary<string, string> { ["follow"] = "true" }, "form[action*=Follow]"), "/forum/research");
        await sam.GetPageAsync($"/forum/t/{research}/a-survey?page=1");
        home = await sam.GetPageAsync("/");
        var discussions = home.Text("section[aria-labelledby=discussions-heading]");
        Assert.That(discussions, Does.Contain("Discussions you follow").And.Contain("A survey").And.Not.Contain("Board papers"));
        Assert.That(home.QuerySelector("section[aria-labelledby=discussions-heading] .tag-new"), Is.Null, "read: no marker");

        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await sam.PostAsync("/forum/drafts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["DraftKey"] = $"reply:{threadId}", ["Input.Body"] = "Half-written", ["Input.ContentNote"] = "",
        }));
        Assert.That((await sam.GetPageAsync("/")).QuerySelector("a[href='/forum/drafts']")?.TextContent, Is.EqualTo("1 draft waiting"));
    }

    [Test]
    public async Task AMembersHome_ShowsRequestsWaitingForAMentor_AndTheMenteesOpenRequest_ToThemAlone()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        var mo = await world.MentorAsync("morgan");
        var sam = await world.MenteeAsync("sam");
        var requestId = await world.RequestAsync(sam);

        Assert.That((await sam.GetPageAsync("/")).QuerySelector($"a[href='/mentoring/requests/{requestId}']")?.TextContent,
            Is.EqualTo("Your request for a mentor is open."));
        Assert.That((await mo.GetPageAsync("/")).Text("main"), Does.Not.Contain("waiting for your answer"), "not asked yet");

        await world.ChooseAsync(sam, requestId, false, await world.IdOfAsync("morgan"));
        var mosHome = await mo.GetPageAsync("/");
        Assert.That(mosHome.Text("section[aria-labelledby=mentoring-heading]"), Does.Contain("waiting for your answer"));
        Assert.That(mosHome.QuerySelector("a[href^='/mentoring/requests/']"), Is.Null, "the mentee's request is theirs");

        await world.AcceptAsync(mo, requestId);
        Assert.That((await sam.GetPageAsync("/")).QuerySelector($"a[href='/mentoring/requests/{requestId}']"), Is.Null, "answered: no longer open");
        Assert.That((await mo.GetPageAsync("/")).Text("main"), Does.Not.Contain("waiting for your answer"));
    }

    [Test]
    public async Task AMembersHome_ListsAnOfferedPlace_AndAQuestionnaireDue_OnlyToTheirOwner()
    {
        await using var world = await Programmes.ProgrammeWorld.CreateAsync();
        var later = await world.CreateCohortAsync(daysAhead: 30);
        var soon = await world.CreateCohortAsync(daysAhead: 5);
        var sam = await world.MemberAsync("sam");
        var ann = await world.MemberAsync("ann");
        var offered = await world.ApplyAsync(sam, later);
        await world.EnrolAsync(ann, soon);

        Assert.That((await sam.GetPageAsync("/")).QuerySelector("section[aria-labelledby=tasks-heading]"), Is.Null, "an application under review is no task");
        await world.DecideAsync(later, offered, "Offer");
        await world.App.Service<PatientLeaders.Community.Web.Features.Programmes.Outcomes.OutcomeStore>().InviteDueAsync(CancellationToken.None);

        var samsTasks = (await sam.GetPageAsync("/")).Text("section[aria-labelledby=tasks-heading]");
        Assert.That(samsTasks, Does.Contain("You have been offered a place on").And.Not.Contain("questionnaire"));
        var annsHome = await ann.GetPageAsync("/");
        Assert.That(annsHome.Text("section[aria-labelledby=tasks-heading]"), Does.Contain("Answer the questionnaire for").And.Not.Contain("offered"));
        Assert.That(annsHome.QuerySelector("section[aria-labelledby=tasks-heading] a[href^='/programmes/outcomes/']"), Is.Not.Null);
    }

    [Test]
    public async Task AMembersHome_ShowsTheNextMeeting_AndAJoinButtonOnceItHasStarted()
    {
        await using var c = await SetCommunity.CreateAsync();
        await c.Facilitator.ScheduleSoonAsync(c.SetId);
        var home = await c.Sam.GetPageAsync("/");
        Assert.That(home.Text(".dashboard-sets"), Does.Contain("Next meeting: Stroke leaders"));
        Assert.That(home.QuerySelector(".dashboard-sets a.button"), Is.Null, "not started: no join button");

        await using (var connection = await c.App.Database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE SetMeetings SET StartedAt = @Now WHERE SetId = @SetId", new { Now = DateTimeOffset.UtcNow, SetId = c.SetId });
        }
        home = await c.Sam.GetPageAsync("/");
        Assert.That(home.Text(".dashboard-sets"), Does.Contain("The meeting has started."));
        Assert.That(home.QuerySelector(".dashboard-sets a.button")?.GetAttribute("href"), Is.EqualTo($"/sets/{c.SetId}/room"));
        Assert.That((await c.Outsider.GetPageAsync("/")).Text(".dashboard-sets"), Does.Not.Contain("Stroke leaders"));
    }

    [Test]
    public async Task ASignedOutMember_FollowingALink_SignsInAndComesBack_WhileAnOutsiderStillGetsNotFound()
    {
        await using var world = await ForumWorld.CreateAsync();
        await world.Admin.CreateCategoryAsync("Facilitators", role: "Facilitator");
        var threadId = await world.Admin.StartThreadAsync("general-chat", "From an email", "Members only");
        var secret = await world.Admin.StartThreadAsync("facilitators", "Facilitators only", "Not for kit");
        var link = $"/forum/t/{threadId}/from-an-email";

        var signedOut = world.App.NewBrowser();
        var first = await signedOut.GetAsync(link);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var login = first.Headers.Location!.OriginalString;
        Assert.That(login, Is.EqualTo("/account/login?ReturnUrl=" + Uri.EscapeDataString(link)));
        var signedIn = await signedOut.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = "kit@example.org", ["Input.Password"] = Journeys.Password });
        TestApp.AssertRedirect(signedIn, link);
        Assert.That((await signedOut.GetPageAsync(link)).Text("h1"), Is.EqualTo("From an email"));

        Assert.That((await world.Kit.GetAsync($"/forum/t/{secret}/facilitators-only")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "signed in without access: still not found");
    }
}
