using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Mentoring;

namespace PatientLeaders.Community.Tests.Mentoring;

public sealed class RelationshipTests
{
    private static async Task<(MentoringWorld World, HttpClient Mentor, HttpClient Mentee, long PairId)> PairAsync(TestApp app, FakeClock clock)
    {
        var world = await MentoringWorld.CreateAsync(app, clock);
        var (ann, sam, pairId) = await world.PairAsync("ann", "sam");
        return (world, ann, sam, pairId);
    }

    [Test]
    public async Task FirstSession_AsksBothPrivately_AndNotAFit_LetsTheCoordinatorOfferANewMatchKindly()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var (world, ann, sam, pairId) = await PairAsync(app, clock);
        var page = await sam.GetPageAsync($"/mentoring/{pairId}");
        Assert.That(page.QuerySelector("#fit-check"), Is.Null, "no fit question before the first session");
        Assert.That(page.QuerySelector("input[name='Session.Format'][value=Telephone]")?.HasAttribute("checked"), Is.True, "telephone by default");

        TestApp.AssertRedirect(await ann.PostFormAsync($"/mentoring/{pairId}", "form[action*=LogSession]", ("Session.HeldOn", world.Today), ("Session.DurationMinutes", "45")), $"/mentoring/{pairId}");
        Assert.That((await app.LastMailToAsync("sam@example.org")).Subject, Is.EqualTo("How is mentoring with Member ann going?"));
        Assert.That((await app.LastMailToAsync("ann@example.org")).Subject, Is.EqualTo("How is mentoring with Member sam going?"));

        TestApp.AssertRedirect(await sam.PostFormAsync($"/mentoring/{pairId}", "form[action*=Fit]", ("FitAnswer", "NotAFit")), $"/mentoring/{pairId}");
        Assert.That((await app.LastMailToAsync("coordinator@example.org")).Subject, Is.EqualTo("A mentoring pair may need your help"));
        Assert.That((await ann.GetPageAsync($"/mentoring/{pairId}")).Text("main"), Does.Not.Contain("not think we are a good fit").Or.Not.Contain("checked"), "the mentor never sees the mentee's answer");
        Assert.That((await ann.GetPageAsync($"/mentoring/{pairId}")).QuerySelector("input[name=FitAnswer][value=NotAFit][checked]"), Is.Null);

        var dashboard = await world.Coordinator.GetPageAsync("/mentoring/coordinate");
        Assert.That(dashboard.Text("main"), Does.Contain("The mentee said after the first session that it is not a good fit"));
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync("/mentoring/coordinate", "form[action*=OfferNewMatch]"), "/mentoring/coordinate");
        Assert.That((await app.LastMailToAsync("sam@example.org")).Subject, Is.EqualTo("Would you like a new mentor?"));
        Assert.That(await app.ScalarAsync<string>("SELECT Status FROM MentoringRelationships"), Is.EqualTo(RelationshipStatus.EndedEarly));
        Assert.That(await app.ScalarAsync<long>("SELECT ActiveCount FROM MentorOffers"), Is.Zero, "the mentor's place is free again");
        var again = await sam.GetPageAsync("/mentoring/request");
        Assert.That(again.QuerySelector("#Input_Goals")?.TextContent, Is.EqualTo("Find my voice at board meetings"), "earlier answers filled in");
    }

    [Test]
    public async Task GoalsNotesMessagesAndEnding_WorkWithoutJavaScript_AndFeedbackReachesOnlyCoordinators()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var (world, ann, sam, pairId) = await PairAsync(app, clock);
        var url = $"/mentoring/{pairId}";
        TestApp.AssertRedirect(await sam.PostFormAsync(url, "form[action*=AddGoal]", ("Goal.Title", "Speak at the patient forum")), url);
        TestApp.AssertRedirect(await ann.PostFormAsync(url, "form[action*=GoalProgress]", ("Goal.Progress", "UnderWay")), url);
        Assert.That((await sam.GetPageAsync(url)).Text("#goals"), Does.Contain("Speak at the patient forum").And.Contain("Under way"));

        TestApp.AssertRedirect(await sam.PostFormAsync(url, "form[action*=LogSession]", ("Session.HeldOn", world.Today), ("Session.Note", "Only mine")), url);
        Assert.That((await ann.GetPageAsync(url)).Text("#sessions"), Does.Not.Contain("Only mine"));
        TestApp.AssertRedirect(await sam.PostFormAsync(url, "form[action*=SaveNote]", ("Note.Body", "Now shared"), ("Note.IsShared", "true")), url);
        Assert.That((await ann.GetPageAsync(url)).Text("#sessions"), Does.Contain("Now shared"));

        var invalid = await Forms.ParseAsync(await sam.PostFormAsync($"{url}/messages", "#message-form", ("Body", "   ")));
        Assert.That(invalid.ErrorSummary(), Is.EqualTo(new[] { "Write a message before sending" }));
        TestApp.AssertRedirect(await sam.PostFormAsync($"{url}/messages", "#message-form", ("Body", "<b>Hello</b> Ann")), $"{url}/messages");
        var messages = await ann.GetPageAsync($"{url}/messages");
        Assert.That(messages.QuerySelector("[role=log]")?.GetAttribute("aria-label"), Is.EqualTo("Messages with Member sam"));
        Assert.That(messages.Text("[role=log]"), Does.Contain("<b>Hello</b> Ann"), "shown as text, never as markup");
        var json = await (await ann.GetAsync($"{url}/messages?handler=After&after=0")).Content.ReadAsStringAsync();
        Assert.That(json, Does.Contain("\\u003Cb\\u003EHello").Or.Contain("<b>Hello"));

        TestApp.AssertRedirect(await sam.PostFormAsync($"{url}", "form[action*=AgreedEnd]", ("AgreedEndOn", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(20).ToString("yyyy-MM-dd"))), url);
        clock.Advance(TimeSpan.FromDays(7));
        Assert.That((await app.Service<MentoringScheduler>().RunOnceAsync(CancellationToken.None)).ClosingSuggestions, Is.EqualTo(1));
        Assert.That((await app.Service<MentoringScheduler>().RunOnceAsync(CancellationToken.None)).ClosingSuggestions, Is.Zero);
        Assert.That((await app.LastMailToAsync("sam@example.org")).Subject, Is.EqualTo("Planning your closing session with Member ann"));

        sam = await world.SignInAgainAsync("sam");
        ann = await world.SignInAgainAsync("ann");
        var noReason = await Forms.ParseAsync(await sam.PostFormAsync($"{url}/end", "form[action*=End]", ("Input.Outcome", "EndedEarly")));
        Assert.That(noReason.ErrorSummary(), Is.EqualTo(new[] { "Choose the reason closest to yours" }));
        TestApp.AssertRedirect(await sam.PostFormAsync($"{url}/end", "form[action*=End]", ("Input.Outcome", "Completed"), ("Input.Feedback", "Ann was patient and kind")), url);
        Assert.That((await app.LastMailToAsync("ann@example.org")).Subject, Is.EqualTo("Your mentoring with Member sam is complete"));
        TestApp.AssertRedirect(await ann.PostFormAsync($"{url}/end", "form[action*=Feedback]", ("Input.Feedback", "Sam grew in confidence")), url);
        Assert.That((await ann.GetPageAsync(url)).Text("main"), Does.Not.Contain("patient and kind"), "feedback is for coordinators only");
        Assert.That((await app.MailAsync()).Select(m => m.TextBody), Has.None.Contains("patient and kind"));
        var coordinator = await world.SignInAgainCoordinatorAsync();
        var dashboard = await coordinator.GetPageAsync("/mentoring/coordinate");
        Assert.That(dashboard.Text("main"), Does.Contain("Ann was patient and kind").And.Contain("Sam grew in confidence").And.Contain("completed"));
        Assert.That(dashboard.Text("main"), Does.Not.Contain("Speak at the patient forum").And.Not.Contain("Now shared").And.Not.Contain("Hello"));
        Assert.That((await sam.GetAsync($"{url}/messages")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await sam.GetPageAsync($"{url}/messages")).QuerySelector("#message-form"), Is.Null, "ended: no new messages");
    }

    [Test]
    public async Task Messages_ARetriedFormPost_StoresOnce_AndEachPairCountsItsOwnSequence()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var (world, ann, sam, pairId) = await PairAsync(app, clock);
        var url = $"/mentoring/{pairId}/messages";
        var clientId = Guid.NewGuid().ToString();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            TestApp.AssertRedirect(await sam.PostFormAsync(url, "#message-form", ("Body", "Only once please"), ("ClientMessageId", clientId)), url);
        }
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MentoringMessages"), Is.EqualTo(1), "a retried post stores once");
        TestApp.AssertRedirect(await ann.PostFormAsync(url, "#message-form", ("Body", "Second from Ann")), url);
        TestApp.AssertRedirect(await ann.PostFormAsync(url, "#message-form", ("Body", "Third from Ann")), url);

        using var all = System.Text.Json.JsonDocument.Parse(await (await sam.GetAsync($"{url}?handler=After&after=0")).Content.ReadAsStringAsync());
        var seqs = all.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()).ToList();
        Assert.That(seqs, Is.EqualTo(new long[] { 1, 2, 3 }));
        using var missed = System.Text.Json.JsonDocument.Parse(await (await sam.GetAsync($"{url}?handler=After&after=1")).Content.ReadAsStringAsync());
        var bodies = missed.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ToList();
        Assert.That(bodies, Is.EqualTo(new[] { "Second from Ann", "Third from Ann" }), "exactly what was missed, in order");
        Assert.That(missed.RootElement.GetProperty("messages")[0].GetProperty("mine").GetBoolean(), Is.False);
        Assert.That((await sam.GetPageAsync(url)).QuerySelectorAll("[role=log] .message").Select(m => m.GetAttribute("data-seq")), Is.EqualTo(new[] { "1", "2", "3" }));

        var bea = await world.MentorAsync("bea");
        var other = await world.MenteeAsync("tom");
        var otherRequest = await world.RequestAsync(other);
        await world.ChooseAsync(other, otherRequest, false, await world.IdOfAsync("bea"));
        var otherPair = await world.AcceptAsync(bea, otherRequest);
        TestApp.AssertRedirect(await other.PostFormAsync($"/mentoring/{otherPair}/messages", "#message-form", ("Body", "Hello Bea")), $"/mentoring/{otherPair}/messages");
        Assert.That(await app.ScalarAsync<long>("SELECT Seq FROM MentoringMessages WHERE Body = 'Hello Bea'"), Is.EqualTo(1), "numbered per pair");

        TestApp.AssertRedirect(await sam.PostFormAsync($"/mentoring/{pairId}/end", "form[action*=End]", ("Input.Outcome", "Completed")), $"/mentoring/{pairId}");
        var token = (await sam.GetPageAsync("/mentoring/request")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var late = await sam.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "Too late", ["ClientMessageId"] = Guid.NewGuid().ToString(), ["__RequestVerificationToken"] = token }));
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no messages once ended");
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MentoringMessages WHERE RelationshipId = @Id", new { Id = pairId }), Is.EqualTo(3));
    }

    [Test]
    public async Task Cohort_ProposesTheBestOverallMatch_AndPublishingSendsTheRequests()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        // Greedy would give Ann (the first waiting) to Xena and strand Bea: Bea only fits Xena.
        await world.MentorAsync("xena", ("Input.FocusAreas", "CoProduction"), ("Input.FocusAreas", "Research"));
        await world.MentorAsync("yusuf", ("Input.FocusAreas", "CoProduction"), ("Input.Formats", "Telephone"));
        var annie = await world.MenteeAsync("annie");
        var bea = await world.MenteeAsync("bea");
        var annieRequest = await world.RequestAsync(annie, ("Input.FocusAreas", "CoProduction"), ("Input.FocusAreas", "Research"));
        var beaRequest = await world.RequestAsync(bea, ("Input.FocusAreas", "Research"), ("Input.Format", "Video"), ("Input.FormatRequired", "false"));
        await world.MentorAsync("zed", ("Input.FocusAreas", "Campaigning"), ("Input.IsPaused", "true"));
        await app.ScalarAsync<long>("UPDATE MentorOffers SET Formats = 'Telephone,Video' WHERE MemberId = (SELECT Id FROM Members WHERE Handle = 'xena'); SELECT changes();");

        var page = await world.Coordinator.GetPageAsync("/mentoring/coordinate/cohort");
        var xena = await world.IdOfAsync("xena");
        var yusuf = await world.IdOfAsync("yusuf");
        Assert.That(page.QuerySelector($"select[name='Input.Assign[{beaRequest}]'] option[selected]")?.GetAttribute("value"), Is.EqualTo(xena.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(page.QuerySelector($"select[name='Input.Assign[{annieRequest}]'] option[selected]")?.GetAttribute("value"), Is.EqualTo(yusuf.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(page.Text("form[action*=Publish]"), Does.Not.Contain("Member zed"), "paused mentors are never proposed");

        var tooMany = await Forms.ParseAsync(await world.Coordinator.PostFormAsync("/mentoring/coordinate/cohort", "form[action*=Publish]",
            ($"Input.Assign[{annieRequest}]", xena.ToString(System.Globalization.CultureInfo.InvariantCulture)), ($"Input.Assign[{beaRequest}]", xena.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(tooMany.ErrorSummary(), Has.Some.Contains("has room for 1"));

        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync("/mentoring/coordinate/cohort", "form[action*=Publish]"), "/mentoring/coordinate");
        Assert.That((await app.LastMailToAsync("xena@example.org")).TextBody, Does.Contain("A mentoring coordinator has suggested you as a mentor for Member bea"));
        Assert.That((await app.LastMailToAsync("annie@example.org")).Subject, Is.EqualTo("We have asked Member yusuf to be your mentor"));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MentoringRequests WHERE Status = 'Waiting'"), Is.EqualTo(2));
    }

    [Test]
    public async Task DeletingAnAccount_InAPair_ErasesTheMentoringRows_AndFreesTheMentorsPlace()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var (world, ann, sam, pairId) = await PairAsync(app, clock);
        TestApp.AssertRedirect(await sam.PostFormAsync($"/mentoring/{pairId}/messages", "#message-form", ("Body", "ErasureCanary")), $"/mentoring/{pairId}/messages");
        var export = await (await sam.GetAsync("/account/export")).Content.ReadAsStringAsync();
        Assert.That(export, Does.Contain("ErasureCanary").And.Contain("Find my voice at board meetings"));

        var response = await sam.PostFormAsync("/account/delete", "main form[method=post]", ("Input.Password", Journeys.Password));
        Assert.That((int)response.StatusCode, Is.LessThan(400));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM Members WHERE Handle = 'sam'"), Is.Zero);
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MentoringMessages"), Is.Zero);
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MentoringRelationships"), Is.Zero);
        Assert.That(await app.ScalarAsync<long>("SELECT ActiveCount FROM MentorOffers"), Is.Zero);
        Assert.That((await ann.GetAsync($"/mentoring/{pairId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
