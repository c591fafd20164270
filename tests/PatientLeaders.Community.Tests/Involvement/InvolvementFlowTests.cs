using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Involvement;

/// <summary>The pool end to end through the real pages: organisation, opportunity, matching, applying and sharing, choosing, work and pay, impact and story.</summary>
public sealed class InvolvementFlowTests
{
    [Test]
    public async Task FromOrganisationToPublishedStory_EachStepAsTheIssueAsks()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var sam = await world.LeaderAsync("sam", theme: "LongTermCondition", privateTheme: "MentalHealth", needs: "A break every hour");
        var ann = await world.LeaderAsync("ann", kind: "Boards", payment: "ExpensesOnly");
        var opportunityId = await world.PostOpportunityAsync(themes: "LongTermCondition");

        // Waiting for approval: the pool cannot see it, the coordinators are told.
        Assert.That((await sam.GetAsync($"/opportunities/{opportunityId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await world.App.LastMailToAsync("pat@example.org")).Subject, Does.Contain("waiting for approval"));
        await world.ApproveAsync(opportunityId);

        // Sam sees why it suits him, in his published terms only; the private theme counts but is never named.
        await world.PostOpportunityAsync(title: "Second group", themes: "MentalHealth");
        var list = await (await sam.GetAsync("/opportunities")).Content.ReadAsStringAsync();
        Assert.That(list, Does.Contain("Stroke follow-up redesign group").And.Contain("Living with a long-term condition").And.Not.Contain("Mental health"));
        Assert.That(list, Does.Not.Contain("Second group"), "not yet approved");

        var samApplication = await world.ApplyAsync(sam, opportunityId, shareNeeds: true);
        var annApplication = await world.ApplyAsync(ann, opportunityId);
        Assert.That((await world.App.LastMailToAsync("sam@example.org")).Subject, Does.Contain("We have your application"));

        // The contact sees what Sam shared with this application, and Ann's payment choice only now that she has applied.
        var applicants = await (await world.Contact.GetAsync($"/opportunities/{opportunityId}/applicants")).Content.ReadAsStringAsync();
        Assert.That(applicants, Does.Contain("A break every hour").And.Contain("Expenses only"));
        var mine = await (await sam.GetAsync("/involvement/applications")).Content.ReadAsStringAsync();
        Assert.That(mine, Does.Contain("Access needs").And.Contain("Northshire NHS Trust"), "the leader sees what was shared, with whom");

        TestApp.AssertRedirect(await world.DecideAsync(opportunityId, samApplication, "Select"), $"/opportunities/{opportunityId}/applicants");
        TestApp.AssertRedirect(await world.DecideAsync(opportunityId, annApplication, "NotChosen", "Try the spring panel."), $"/opportunities/{opportunityId}/applicants");
        var kind = await world.App.LastMailToAsync("ann@example.org");
        Assert.That(kind.TextBody, Does.Contain("Try the spring panel.").And.Contain("not a judgement"));
        var engagementId = await world.ConfirmAsync(sam, samApplication);
        Assert.That(await world.App.ScalarAsync<string>("SELECT Status FROM Opportunities WHERE Id = @opportunityId", new { opportunityId }), Is.EqualTo("Closed"), "filled");

        // Hours at £25 an hour and an expense with a receipt; the organisation approves both.
        var today = InvolvementWorld.Day(DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime));
        TestApp.AssertRedirect(await sam.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=Hours]",
            ("Hours.WorkedOn", today), ("Hours.Hours", "2"), ("Hours.Minutes", "30"), ("Hours.Description", "Reading papers and the meeting")), $"/involvement/work/{engagementId}");
        var upload = await InvolvementWorld.UploadReceiptAsync(sam, engagementId, today, "12,50");
        TestApp.AssertRedirect(upload, $"/involvement/work/{engagementId}");
        Assert.That(await world.App.ScalarAsync<long>("SELECT SUM(FeePence) FROM WorkClaims"), Is.EqualTo(6250));
        Assert.That(await world.App.ScalarAsync<long>("SELECT SUM(ExpensePence) FROM WorkClaims"), Is.EqualTo(1250), "a comma reads as the decimal point");
        foreach (var claimId in await ClaimIdsAsync(world))
        {
            TestApp.AssertRedirect(await world.Contact.PostFormAsync($"/involvement/work/{engagementId}", $"form[action*='claimId={claimId}'][action*=Approve]"), $"/involvement/work/{engagementId}");
        }
        var receipt = await ReceiptIdAsync(world);
        Assert.That((await sam.GetAsync($"/involvement/receipts/{receipt}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ann.GetAsync($"/involvement/receipts/{receipt}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var statement = (await sam.GetPageAsync("/involvement/statement")).QuerySelector("main")!.TextContent;
        Assert.That(statement, Does.Contain("£62.50").And.Contain("£12.50"));

        // Both say what changed; the leader reads the organisation's answer; /impact counts the project.
        TestApp.AssertRedirect(await sam.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=End]"), $"/involvement/work/{engagementId}");
        foreach (var (who, words) in new[] { (world.Contact, "We rewrote the follow-up plan."), (sam, "They listened.") })
        {
            TestApp.AssertRedirect(await who.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=Impact]", ("Impact.DecisionInfluenced", "Yes"),
                ("Impact.WhatChanged", "Service"), ("Impact.Adopted", "Partly"), ("Impact.Reflection", words)), $"/involvement/work/{engagementId}");
        }
        Assert.That(await (await sam.GetAsync($"/involvement/work/{engagementId}")).Content.ReadAsStringAsync(), Does.Contain("We rewrote the follow-up plan."));
        var impact = await (await world.App.NewBrowser().GetAsync("/impact")).Content.ReadAsStringAsync();
        Assert.That(impact, Does.Contain("1 of our goal of 200"));

        // The story: offered, edited with the leader, approved by him, then published.
        var offered = await sam.PostFormAsync($"/stories/offer?engagementId={engagementId}", "main form[method=post]", ("Input.Title", "Asked at last"), ("Input.Body", "They asked me first."));
        TestApp.AssertRedirect(offered, "/stories/");
        var storyId = offered.Headers.Location!.OriginalString.Split('/')[^1];
        TestApp.AssertRedirect(await world.App.NewBrowser().GetAsync($"/stories/{storyId}"), "/account/login?ReturnUrl=");
        Assert.That((await ann.GetAsync($"/stories/{storyId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not published yet");
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/stories/manage/{storyId}", "main form:not([action])", ("Input.Body", "They asked me first, and it changed the plan.")),
            $"/stories/manage/{storyId}");
        TestApp.AssertRedirect(await sam.PostFormAsync($"/stories/{storyId}", "form[action*=Approve]", ("Named", "true")), $"/stories/{storyId}");
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/stories/manage/{storyId}", "form[action*=Publish]"), $"/stories/manage/{storyId}");
        var stories = await (await world.App.NewBrowser().GetAsync("/stories")).Content.ReadAsStringAsync();
        Assert.That(stories, Does.Contain("Asked at last").And.Contain("sam"));
        Assert.That(await (await world.App.NewBrowser().GetAsync($"/stories/{storyId}")).Content.ReadAsStringAsync(), Does.Contain("and it changed the plan"));
    }

    private static async Task<IReadOnlyList<long>> ClaimIdsAsync(InvolvementWorld world)
    {
        await using var connection = await world.App.Database.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<long>(connection, "SELECT Id FROM WorkClaims ORDER BY Id")).ToList();
    }

    private static Task<long> ReceiptIdAsync(InvolvementWorld world) => world.App.ScalarAsync<long>("SELECT Id FROM WorkClaims WHERE ReceiptFileId IS NOT NULL");
}
