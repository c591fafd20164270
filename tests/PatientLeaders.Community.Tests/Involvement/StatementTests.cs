using System.Globalization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Involvement;

/// <summary>One ledger, one statement a tax year: involvement work and paid programme delivery, split at 6 April, fees and expenses apart.</summary>
public sealed class StatementTests
{
    [Test]
    public async Task WorkOnEitherSideOfTheSixthOfApril_FallsInItsOwnTaxYear_UntilItIsPaid()
    {
        var clock = new FakeClock(new DateTimeOffset(2030, 3, 20, 9, 0, 0, TimeSpan.Zero));
        await using var world = await InvolvementWorld.CreateAsync(clock);
        var sam = await world.LeaderAsync("sam");
        var opportunityId = await world.PostOpportunityAsync(closesInDays: 2, workDays: 60);
        await world.ApproveAsync(opportunityId);
        var application = await world.ApplyAsync(sam, opportunityId);
        TestApp.AssertRedirect(await world.DecideAsync(opportunityId, application, "Select"), $"/opportunities/{opportunityId}/applicants");
        var engagementId = await world.ConfirmAsync(sam, application);

        await world.Programmes.PassDaysAsync(16, sam, world.Contact);
        Assert.That(clock.GetUtcNow().ToString("MM-dd", CultureInfo.InvariantCulture), Is.EqualTo("04-05"));
        var before = await world.LogHoursAsync(sam, engagementId, 2, "Fifth of April meeting");
        await world.ApproveClaimAsync(engagementId, before);
        await world.Programmes.PassDaysAsync(1, sam, world.Contact);
        var after = await world.LogHoursAsync(sam, engagementId, 3, "Sixth of April meeting");
        await world.ApproveClaimAsync(engagementId, after);
        var unapproved = await world.LogHoursAsync(sam, engagementId, 1, "Not yet approved");

        // The facilitator's paid delivery of a cohort, recorded by a programme coordinator, joins the same ledger.
        var cohortId = await world.Programmes.CreateCohortAsync(daysAhead: 1);
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}/delivery", "main form[method=post]",
            ("Input.WorkedOn", InvolvementWorld.Day(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))), ("Input.Hours", "3"), ("Input.Minutes", "0"),
            ("Input.Fee", "150"), ("Input.Description", "Session 1, skills workshop")), $"/programmes/manage/cohorts/{cohortId}/delivery");

        async Task<string> StatementAsync(HttpClient who, int year) => (await who.GetPageAsync($"/involvement/statement/{year}")).QuerySelector("main")!.TextContent;
        var year2029 = await StatementAsync(sam, 2029);
        var year2030 = await StatementAsync(sam, 2030);
        Assert.That(year2029, Does.Contain("£50.00").And.Not.Contain("£75.00"), "2 hours at £25 on 5 April");
        Assert.That(year2030, Does.Contain("£75.00").And.Not.Contain("£50.00"), "3 hours at £25 from 6 April");
        Assert.That(year2030, Does.Not.Contain("£100.00"), "the unapproved hour is on no statement");
        var faye = await StatementAsync(world.Programmes.Facilitator, 2030);
        Assert.That(faye, Does.Contain("£150.00").And.Contain("Centre for Patient Leaders"), "delivery is paid by the Centre, on the same statement");

        // A payment belongs to the year it was paid: the 5 April work, paid on 6 April, moves to 2030-31.
        TestApp.AssertRedirect(await world.Contact.PostFormAsync($"/involvement/work/{engagementId}", $"form[action*='claimId={before}'][action*=Paid]",
            ("Decision.PaidOn", InvolvementWorld.Day(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))), $"/involvement/work/{engagementId}");
        Assert.That(await StatementAsync(sam, 2029), Does.Contain("Nothing approved in this tax year."));
        Assert.That(await StatementAsync(sam, 2030), Does.Contain("£125.00"), "the year's total fee");
        var csv = await (await sam.GetAsync("/involvement/statement/2030?handler=Csv")).Content.ReadAsStringAsync();
        Assert.That(csv, Does.Contain("Total,2030–31,,,5,125.00,0.00"));
        Assert.That(unapproved, Is.GreaterThan(after));
    }
}
