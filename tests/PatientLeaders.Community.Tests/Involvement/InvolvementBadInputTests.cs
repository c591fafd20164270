using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Involvement;

public sealed class InvolvementBadInputTests
{
    [Test]
    public async Task EveryFormOfThePool_SurvivesHostileOversizedInput()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var sam = await world.LeaderAsync("sam");
        var opportunityId = await world.PostOpportunityAsync();
        await world.ApproveAsync(opportunityId);
        var draft = await world.PostOpportunityAsync(title: "Waiting one");
        var application = await world.ApplyAsync(sam, opportunityId);
        TestApp.AssertRedirect(await world.DecideAsync(opportunityId, application, "Select"), $"/opportunities/{opportunityId}/applicants");
        var engagementId = await world.ConfirmAsync(sam, application);
        TestApp.AssertRedirect(await sam.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=End]"), $"/involvement/work/{engagementId}");
        var checkedForms = 0;
        foreach (var (browser, url) in new[]
        {
            (world.Coordinator, "/organisations/manage"), (world.Coordinator, $"/organisations/manage/{world.Slug}"), (world.Coordinator, "/opportunities/review"),
            (world.Contact, "/opportunities/edit"), (world.Contact, $"/opportunities/edit/{draft}"), (world.Contact, $"/opportunities/{opportunityId}/applicants"),
            (world.Contact, $"/involvement/work/{engagementId}"), (sam, "/pool"), (sam, $"/involvement/work/{engagementId}"), (sam, $"/involvement/work/{engagementId}/expenses/upload"),
            (sam, $"/stories/offer?engagementId={engagementId}"),
        })
        {
            var count = (await browser.GetPageAsync(url)).QuerySelectorAll("main form[method=post]").Length;
            for (var index = 0; index < count; index++)
            {
                var forms = (await browser.GetPageAsync(url)).QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().ToList();
                if (index >= forms.Count)
                {
                    break;
                }
                var form = forms[index];
                var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type is "text" or "email" or "number" or "date" or "url")
                    .Select(i => i.Name!).Concat(form.Elements.OfType<IHtmlTextAreaElement>().Select(t => t.Name!))
                    .Where(n => !string.IsNullOrEmpty(n)).Distinct().ToDictionary(n => n, _ => BadInputTests.Hostile);
                if (values.Count == 0)
                {
                    // A button alone (approve, pause, close): nothing typed to be hostile with.
                    continue;
                }
                var action = form.GetAttribute("action");
                HttpContent content = form.Enctype == "multipart/form-data"
                    ? MultipartOf(BadInputTests.FormFields(form, values))
                    : new FormUrlEncodedContent(BadInputTests.FormFields(form, values));
                var response = await browser.PostAsync(string.IsNullOrEmpty(action) ? url : action, content);
                Assert.That((int)response.StatusCode, Is.LessThan(500), $"{url} form {index} ({action})");
                checkedForms++;
            }
        }
        Assert.That(checkedForms, Is.GreaterThanOrEqualTo(12));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM WorkClaims"), Is.Zero, "nothing hostile was saved as a claim");
    }

    [Test]
    public async Task AnOpportunityWithoutItsDifference_IsRefused_WithEverythingKept()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var response = await world.Contact.PostFormAsync("/opportunities/edit", "main form[method=post]", ("Input.Title", "Board member"), ("Input.Difference", ""),
            ("Input.TimeCommitment", "Monthly"), ("Input.HourlyRate", "25,5O"), ("Input.Expenses", "Travel"), ("Input.Support", "A buddy"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.ErrorSummary(), Does.Contain("Say what difference the leader's input will make")
            .And.Contain("Enter an hourly rate in pounds between 0 and 1,000, like 25 or 25.50").And.Contain("Enter the closing date for applications"));
        Assert.That(page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value, Is.EqualTo("Board member"));
        Assert.That(page.QuerySelector<IHtmlInputElement>("#Input_HourlyRate")!.Value, Is.EqualTo("25,5O"));
        Assert.That(page.QuerySelector<IHtmlTextAreaElement>("#Input_Support")!.Value, Is.EqualTo("A buddy"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Opportunities"), Is.Zero);
    }

    [Test]
    public async Task AnEmptyApplication_OrImpossibleHours_AreRefused_WithTheTextKept()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var sam = await world.LeaderAsync("sam");
        var opportunityId = await world.PostOpportunityAsync();
        await world.ApproveAsync(opportunityId);
        var refused = await Forms.ParseAsync(await sam.PostFormAsync($"/opportunities/{opportunityId}", "main form[method=post]", ("Input.Statement", " "),
            ("Input.ShareAccessNeeds", "true")));
        Assert.That(refused.ErrorSummary(), Does.Contain("Write a few sentences about why you would like to do this")
            .And.Contain("Your pool profile has no access needs to share. Add them first, or untick this."));
        var application = await world.ApplyAsync(sam, opportunityId);
        TestApp.AssertRedirect(await world.DecideAsync(opportunityId, application, "Select"), $"/opportunities/{opportunityId}/applicants");
        var engagementId = await world.ConfirmAsync(sam, application);
        var tomorrow = InvolvementWorld.Day(DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).AddDays(1));
        var hours = await Forms.ParseAsync(await sam.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=Hours]",
            ("Hours.WorkedOn", tomorrow), ("Hours.Hours", "30"), ("Hours.Minutes", "0"), ("Hours.Description", "Reading the papers")));
        Assert.That(hours.ErrorSummary(), Does.Contain("Hours can be logged once the work is done, not in the future").And.Contain("Enter the time you spent, up to 24 hours in a day"));
        Assert.That(hours.QuerySelector<IHtmlInputElement>("#Hours_Description")!.Value, Is.EqualTo("Reading the papers"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM WorkClaims"), Is.Zero);
    }

    [Test]
    public async Task OddAddresses_AnswerNotFound()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        foreach (var url in new[] { "/opportunities/999999", "/opportunities/999999/applicants", "/opportunities/edit/999999", "/organisations/no-such-place",
            "/organisations/manage/no-such-place", "/involvement/work/999999", "/involvement/work/999999/expenses/upload", "/involvement/receipts/999999",
            "/stories/999999", "/stories/manage/999999", "/stories/offer?engagementId=999999", "/involvement/statement/1999", "/involvement/statement/9999",
            "/involvement/work?handler=Csv&organisationId=999999" })
        {
            Assert.That((await world.Coordinator.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
        }
    }

    private static MultipartFormDataContent MultipartOf(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        return content;
    }
}
