using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Localization;

public sealed partial class PseudoLocaleTests
{
    /// <summary>
    /// A pair's own pages (the shared page and its messages) and the coordinators' pages (the dashboard, one request,
    /// a mentor's accreditations, matching everyone waiting): empty, with data, in each state of a pair and a request,
    /// and sent back with their errors, with the matcher's explanations built from the resources too.
    /// </summary>
    [Test]
    public async Task MentoringPairsPages_ShowNoTextThatSkippedTheResources()
    {
        var clock = new FakeClock();
        await using var app = await PseudoAppAsync(clock, MentoringWorld.Settings(("Mentoring:RequestsPerHour", "1000")));
        var world = await MentoringWorld.CreateAsync(app, clock);
        var coordinator = world.Coordinator;
        string Day(int days) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Members' names and everything they typed are theirs, not the site's.
        string[] own = ["Alex Admin", "@admin", "Member ann", "Member sam", "Member bob", "Member cat", "Member tom", "Member una", "Member vic",
            "Member dee", "Member eve", "Find my voice at board meetings", "Goal words", "Note words", "Private words", "Message words", "Reply words",
            "Feedback words", "Mentor feedback words", "Close words", "English"];

        async Task CheckAsync(HttpClient browser, string url)
        {
            var response = await browser.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
            var page = await Forms.ParseAsync(response);
            AssertAllPseudo(page, "main", url, own);
        }

        async Task CheckErrorsAsync(HttpResponseMessage response, string what)
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), what);
            var page = await Forms.ParseAsync(response);
            Assert.That(page.QuerySelector(".error-summary"), Is.Not.Null, what + ": the form comes back with its errors");
            AssertAllPseudo(page, "main", what, own);
        }

        // A status message left by another area's page (asking, accepting, ending) is that area's to check: read it there first.
        async Task ReadStatusAsync(HttpClient browser) => await browser.GetAsync("/help");

        // The coordinators' pages with nothing to show.
        await CheckAsync(coordinator, "/mentoring/coordinate");
        await CheckAsync(coordinator, "/mentoring/coordinate/cohort");

        // A new pair: both sides of its page and the messages, empty; then each form sent back with its errors.
        var (ann, sam, pairId) = await world.PairAsync("ann", "sam");
        var pairUrl = $"/mentoring/{pairId}";
        var messagesUrl = $"{pairUrl}/messages";
        await ReadStatusAsync(ann);
        await ReadStatusAsync(sam);
        await CheckAsync(ann, pairUrl);
        await CheckAsync(sam, pairUrl);
        await CheckAsync(sam, messagesUrl);
        await CheckErrorsAsync(await sam.PostFormAsync(pairUrl, "form[action*=AddGoal]", ("Goal.Title", "")), "a goal left empty");
        await CheckErrorsAsync(await ann.PostFormAsync(pairUrl, "form[action*=LogSession]", ("Session.HeldOn", ""), ("Session.Format", "Nope"),
            ("Session.DurationMinutes", "1")), "a session with errors");
        await CheckErrorsAsync(await sam.PostFormAsync(pairUrl, "form[action*=AgreedEnd]", ("AgreedEndOn", Day(0))), "an end date that is not in the future");
        await CheckErrorsAsync(await sam.PostFormAsync(messagesUrl, "#message-form", ("Body", "   ")), "an empty message");

        // With a goal, a first session (a shared note and a private one), messages both ways, the fit check and a close end date.
        TestApp.AssertRedirect(await sam.PostFormAsync(pairUrl, "form[action*=AddGoal]", ("Goal.Title", "Goal words")), pairUrl);
        TestApp.AssertRedirect(await ann.PostFormAsync(pairUrl, "form[action*=LogSession]", ("Session.HeldOn", Day(0)), ("Session.DurationMinutes", "45"),
            ("Session.Note", "Note words"), ("Session.ShareNote", "true")), pairUrl);
        TestApp.AssertRedirect(await sam.PostFormAsync(pairUrl, "form[action*=SaveNote]", ("Note.Body", "Private words")), pairUrl);
        TestApp.AssertRedirect(await sam.PostFormAsync(messagesUrl, "#message-form", ("Body", "Message words")), messagesUrl);
        TestApp.AssertRedirect(await ann.PostFormAsync(messagesUrl, "#message-form", ("Body", "Reply words")), messagesUrl);
        TestApp.AssertRedirect(await sam.PostFormAsync(pairUrl, "form[action*=AgreedEnd]", ("AgreedEndOn", Day(10))), pairUrl);
        await CheckAsync(ann, pairUrl);
        await CheckAsync(sam, pairUrl);
        await CheckAsync(ann, messagesUrl);
        await CheckAsync(sam, messagesUrl);
        await CheckErrorsAsync(await sam.PostFormAsync(pairUrl, "form[action*=Fit]", ("FitAnswer", "Nope")), "a fit answer not on the list");
        TestApp.AssertRedirect(await sam.PostFormAsync(pairUrl, "form[action*=Fit]", ("FitAnswer", "NotAFit")), pairUrl);
        await CheckAsync(sam, pairUrl);

        // Requests in each state: waiting for a mentor with another queued, with the coordinators, still choosing.
        var bob = await world.MentorAsync("bob");
        await world.MentorAsync("cat");
        var bobId = await world.IdOfAsync("bob");
        var catId = await world.IdOfAsync("cat");
        var tom = await world.MenteeAsync("tom");
        var tomRequest = await world.RequestAsync(tom);
        TestApp.AssertRedirect(await world.ChooseAsync(tom, tomRequest, false, bobId, catId), $"/mentoring/requests/{tomRequest}");
        var una = await world.MenteeAsync("una");
        var unaRequest = await world.RequestAsync(una);
        TestApp.AssertRedirect(await una.ClickAsync($"/mentoring/requests/{unaRequest}", "form[action*=AskCoordinators] button"), $"/mentoring/requests/{unaRequest}");
        var vic = await world.MenteeAsync("vic");
        var vicRequest = await world.RequestAsync(vic);
        foreach (var request in new[] { tomRequest, unaRequest, vicRequest })
        {
            await CheckAsync(coordinator, $"/mentoring/coordinate/requests/{request}");
        }
        var unaCase = $"/mentoring/coordinate/requests/{unaRequest}";
        var vicCase = $"/mentoring/coordinate/requests/{vicRequest}";
        await CheckErrorsAsync(await coordinator.PostFormAsync(unaCase, "form[action*=Offer]", ("Input.MentorId", "0")), "a mentor who cannot be offered");
        await CheckErrorsAsync(await coordinator.PostFormAsync(vicCase, "#close-form", ("Input.Message", "  ")), "closing without a message");

        // Matching everyone waiting: both aims, and one mentor chosen for more people than they have room for.
        await CheckAsync(coordinator, "/mentoring/coordinate/cohort");
        await CheckAsync(coordinator, "/mentoring/coordinate/cohort?goal=BestTotalScore");
        var cat = catId.ToString(CultureInfo.InvariantCulture);
        await CheckErrorsAsync(await coordinator.PostFormAsync("/mentoring/coordinate/cohort", "form[action*=Publish]",
            ($"Input.Assign[{unaRequest}]", cat), ($"Input.Assign[{vicRequest}]", cat)), "a mentor chosen for too many people");

        // Closed kindly, then its page.
        TestApp.AssertRedirect(await coordinator.PostFormAsync(vicCase, "#close-form", ("Input.Message", "Close words")), vicCase);
        await CheckAsync(coordinator, vicCase);

        // Accreditations: current, expired, none; the forms sent back with their errors.
        var dee = await app.InviteMemberAsync(world.Admin, "dee@example.org", "dee", Roles.Mentor);
        await world.SaveOfferAsync(dee);
        await world.AccreditAsync("dee", "Coach", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-10));
        var eve = await app.InviteMemberAsync(world.Admin, "eve@example.org", "eve", Roles.Mentor);
        await world.SaveOfferAsync(eve);
        var deeUrl = $"/mentoring/coordinate/mentors/{await world.IdOfAsync("dee")}";
        await CheckAsync(coordinator, $"/mentoring/coordinate/mentors/{bobId}");
        await CheckAsync(coordinator, deeUrl);
        await CheckAsync(coordinator, $"/mentoring/coordinate/mentors/{await world.IdOfAsync("eve")}");
        await CheckErrorsAsync(await coordinator.PostFormAsync(deeUrl, "form[action*=Add]", ("Input.Kind", ""), ("Input.GainedOn", ""), ("Input.ExpiresOn", "")),
            "an accreditation with errors");
        await CheckErrorsAsync(await coordinator.PostFormAsync(deeUrl, "form[action*=Renew]", ("Input.ExpiresOn", "")), "a renewal without a date");

        // The dashboard with open requests, a pair that needs attention, mentors with each kind of accreditation.
        await CheckAsync(coordinator, "/mentoring/coordinate");

        // The pair ends early with a reason and feedback from both: their pages, the messages and the dashboard.
        var endUrl = $"{pairUrl}/end";
        TestApp.AssertRedirect(await sam.PostFormAsync(endUrl, "form[action*=End]", ("Input.Outcome", "EndedEarly"), ("Input.Reason", "Health"),
            ("Input.Feedback", "Feedback words")), pairUrl);
        TestApp.AssertRedirect(await ann.PostFormAsync(endUrl, "form[action*=Feedback]", ("Input.Feedback", "Mentor feedback words")), pairUrl);
        await ReadStatusAsync(ann);
        await ReadStatusAsync(sam);
        await CheckAsync(ann, pairUrl);
        await CheckAsync(sam, pairUrl);
        await CheckAsync(sam, messagesUrl);
        await CheckAsync(coordinator, "/mentoring/coordinate");

        // A pair with no session for longer than the quiet weeks, and its matched request.
        await world.AcceptAsync(bob, tomRequest);
        await CheckAsync(coordinator, $"/mentoring/coordinate/requests/{tomRequest}");
        clock.Advance(TimeSpan.FromDays(7 * 7));
        var again = await world.SignInAgainCoordinatorAsync();
        await CheckAsync(again, "/mentoring/coordinate");
    }
}
