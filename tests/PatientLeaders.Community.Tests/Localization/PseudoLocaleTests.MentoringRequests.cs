using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Localization;

public sealed partial class PseudoLocaleTests
{
    /// <summary>
    /// The mentoring pages a mentee and a mentor use: /mentoring, asking for a mentor, a request (as its mentee and as a
    /// mentor asked), the mentor's offer and ending a pair, empty, with data, in each state of a request and with
    /// validation errors, with the matcher's explanations ("You both chose …") built from the resources too.
    /// </summary>
    [Test]
    public async Task MentoringRequestsPages_ShowNoTextThatSkippedTheResources()
    {
        var clock = new FakeClock();
        await using var app = await PseudoAppAsync(clock, MentoringWorld.Settings(("Mentoring:RequestsPerHour", "1000")));
        var world = await MentoringWorld.CreateAsync(app, clock);
        var tooLongMessage = new string('x', 1001);
        var tooLongFeedback = new string('y', 2001);
        // Members' names and everything they typed are theirs, not the site's.
        string[] own = ["Alex Admin", "@admin", "Member sam", "Member rhian", "Member bob", "Member ann", "Member tom", "Member una",
            "Find my voice at board meetings", "Offer words", "Free words", "Decline words", "Feedback words", "Thanks words", "Welsh", "English",
            tooLongMessage, tooLongFeedback];

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

        var rhian = await world.MentorAsync("rhian", ("Input.FocusAreas", "InfluencingCommissioners"), ("Input.FocusAreas", "CoProduction"),
            ("Input.Languages", "English, Welsh"), ("Input.Themes", "MentalHealth"), ("Input.Themes", "Cancer"), ("Input.ThemesConsent", "true"),
            ("Input.Region", "Wales"), ("Input.Paces", "Monthly"), ("Input.Summary", "Offer words"), ("Input.Availability", "Free words"));
        var rhianId = await world.IdOfAsync("rhian");
        await world.MentorAsync("bob");
        var bobId = await world.IdOfAsync("bob");
        var sam = await world.MenteeAsync("sam");

        // A mentee with nothing yet, the request form empty, chosen from the directory, and sent back with its errors.
        await CheckAsync(sam, "/mentoring");
        await CheckAsync(sam, "/mentoring/request");
        await CheckAsync(sam, $"/mentoring/request?mentor={rhianId}");
        await CheckErrorsAsync(await sam.PostFormAsync("/mentoring/request", "main form[method=post]", ("Input.Goals", ""), ("Input.Region", "Nowhere"),
            ("Input.Themes", "Cancer"), ("Input.LanguageRequired", "true"), ("Input.Language", "")), "the request form with errors");

        // A request choosing its mentor: suggestions, the private theme counted, what was asked for; choosing nobody is an error.
        var first = await world.RequestAsync(sam, ("Input.FocusAreas", "InfluencingCommissioners"), ("Input.Language", "Welsh"), ("Input.LanguageRequired", "true"),
            ("Input.FormatRequired", "true"), ("Input.Themes", "MentalHealth"), ("Input.PrivateThemes", "Cancer"), ("Input.ThemesConsent", "true"),
            ("Input.Region", "Wales"), ("Input.Pace", "Monthly"));
        var firstUrl = $"/mentoring/requests/{first}";
        await CheckAsync(sam, firstUrl);
        await CheckAsync(sam, "/mentoring");
        await CheckAsync(sam, "/mentoring/request");
        await CheckErrorsAsync(await world.ChooseAsync(sam, first, false), "choosing nobody");

        // Waiting for one mentor, then the mentor's side: their list, the request, an answer too long, and saying no and pausing.
        TestApp.AssertRedirect(await world.ChooseAsync(sam, first, false, rhianId), firstUrl);
        await CheckAsync(sam, firstUrl);
        await CheckAsync(rhian, "/mentoring");
        await CheckAsync(rhian, firstUrl);
        await CheckErrorsAsync(await rhian.PostFormAsync(firstUrl, "form[action*=Decline]", ("Decline.Message", tooLongMessage)), "an answer too long");
        TestApp.AssertRedirect(await rhian.PostFormAsync(firstUrl, "form[action*=Decline]", ("Decline.Message", "Decline words"), ("Decline.Pause", "true")), "/mentoring");
        await CheckAsync(rhian, "/mentoring");
        await CheckAsync(rhian, firstUrl);
        await CheckAsync(sam, firstUrl);

        // The mentor's offer: paused, sent back with its errors, taking mentees again.
        await CheckAsync(rhian, "/mentoring/offer");
        await CheckErrorsAsync(await rhian.PostFormAsync("/mentoring/offer", "form[action*=Save]", ("Input.FocusAreas", "Nope"), ("Input.Formats", "Nope"),
            ("Input.Region", "Nowhere"), ("Input.ThemesConsent", "false"), ("Input.Languages", ""), ("Input.Capacity", "0")), "the offer form with errors");
        TestApp.AssertRedirect(await rhian.ClickAsync("/mentoring/offer", "form[action*=Resume] button"), "/mentoring/offer");
        await CheckAsync(rhian, "/mentoring/offer");

        // Withdrawn, then asked again from last time's answers: one at a time in order, then the coordinators, then all at once.
        TestApp.AssertRedirect(await sam.ClickAsync(firstUrl, "form[action*=Withdraw] button"), "/mentoring");
        await CheckAsync(sam, "/mentoring");
        await CheckAsync(sam, firstUrl);
        await CheckAsync(sam, "/mentoring/request");
        var second = await world.RequestAsync(sam, ("Input.FocusAreas", "CoProduction"), ("Input.Language", "English"), ("Input.LanguageRequired", "false"));
        var secondUrl = $"/mentoring/requests/{second}";
        TestApp.AssertRedirect(await world.ChooseAsync(sam, second, false, bobId, rhianId), secondUrl);
        await CheckAsync(sam, secondUrl);
        TestApp.AssertRedirect(await sam.ClickAsync(secondUrl, "form[action*=Withdraw] button"), "/mentoring");
        var third = await world.RequestAsync(sam);
        var thirdUrl = $"/mentoring/requests/{third}";
        TestApp.AssertRedirect(await sam.ClickAsync(thirdUrl, "form[action*=AskCoordinators] button"), thirdUrl);
        await CheckAsync(sam, thirdUrl);
        TestApp.AssertRedirect(await world.ChooseAsync(sam, third, true, bobId, rhianId), thirdUrl);
        await CheckAsync(sam, thirdUrl);
        await CheckAsync(sam, "/mentoring");

        // A pair: both sides of /mentoring, the matched request, and ending it (with errors, ended early, then the other's feedback).
        var (ann, tom, pairId) = await world.PairAsync("ann", "tom");
        var tomRequest = await app.ScalarAsync<long>("SELECT Id FROM MentoringRequests WHERE MenteeId = @Id", new { Id = await world.IdOfAsync("tom") });
        var endUrl = $"/mentoring/{pairId}/end";
        await CheckAsync(ann, "/mentoring");
        await CheckAsync(tom, "/mentoring");
        await CheckAsync(tom, $"/mentoring/requests/{tomRequest}");
        await CheckAsync(ann, $"/mentoring/requests/{tomRequest}");
        await CheckAsync(ann, endUrl);
        await CheckErrorsAsync(await ann.PostFormAsync(endUrl, "form[action*=End]", ("Input.Outcome", "Nope"), ("Input.Feedback", tooLongFeedback)), "ending with errors");
        TestApp.AssertRedirect(await ann.PostFormAsync(endUrl, "form[action*=End]", ("Input.Outcome", "EndedEarly"), ("Input.Reason", "Health"),
            ("Input.Feedback", "Feedback words")), $"/mentoring/{pairId}");
        await CheckAsync(ann, endUrl);
        await CheckAsync(tom, endUrl);
        await CheckErrorsAsync(await tom.PostFormAsync(endUrl, "form[action*=Feedback]", ("Input.Feedback", "")), "feedback left empty");
        TestApp.AssertRedirect(await tom.PostFormAsync(endUrl, "form[action*=Feedback]", ("Input.Feedback", "Thanks words")), $"/mentoring/{pairId}");
        await CheckAsync(tom, "/mentoring");

        // A new mentor: no offer yet, then saved without an accreditation; and a coordinator's /mentoring.
        var una = await app.InviteMemberAsync(world.Admin, "una@example.org", "una", PatientLeaders.Community.Web.Features.Accounts.Roles.Mentor);
        await CheckAsync(una, "/mentoring/offer");
        await world.SaveOfferAsync(una);
        await CheckAsync(una, "/mentoring/offer");
        await CheckAsync(una, "/mentoring");
        await CheckAsync(world.Admin, "/mentoring");
    }
}
