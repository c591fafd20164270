using PatientLeaders.Community.Tests.Data;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Involvement.Opportunities;

namespace PatientLeaders.Community.Tests.Involvement;

/// <summary>
/// The open opportunities are read once for every reader until their change counter moves or the day changes
/// (<see cref="OpportunityStore.OpenAsync"/>). Every change a leader could notice must show on the next page.
/// </summary>
public sealed class OpenOpportunitiesCacheTests
{
    [Test]
    public async Task TheOpenList_ShowsEveryChange_OnTheNextPage()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var sam = await world.LeaderAsync("sam");
        async Task<string> ListAsync() => await (await sam.GetAsync("/opportunities")).Content.ReadAsStringAsync();
        Assert.That(await ListAsync(), Does.Not.Contain("Stroke follow-up redesign group"));

        var first = await world.PostOpportunityAsync(closesInDays: 3);
        await world.ApproveAsync(first);
        Assert.That(await ListAsync(), Does.Contain("Stroke follow-up redesign group"), "approved");
        Assert.That(await (await sam.GetAsync("/")).Content.ReadAsStringAsync(), Does.Contain("Stroke follow-up redesign group"), "on the home page too");

        var second = await world.PostOpportunityAsync(title: "Research advisory group");
        await world.ApproveAsync(second);
        Assert.That(await ListAsync(), Does.Contain("Research advisory group"), "another approved");

        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/organisations/manage/{world.Slug}", "form[action*=Pause]"), $"/organisations/manage/{world.Slug}");
        Assert.That(await ListAsync(), Does.Not.Contain("Research advisory group"), "the organisation paused");
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/organisations/manage/{world.Slug}", "form[action*=Pause]"), $"/organisations/manage/{world.Slug}");
        Assert.That(await ListAsync(), Does.Contain("Research advisory group"), "and resumed");

        // Days later (past a signed-in session's idle limit, so asked of the store): closed with the day, with no write.
        world.Clock.Advance(TimeSpan.FromDays(4));
        var later = (await world.App.Service<OpportunityStore>().OpenAsync(default)).Select(o => o.Title).ToList();
        Assert.That(later, Does.Not.Contain("Stroke follow-up redesign group"));
        Assert.That(later, Does.Contain("Research advisory group"));
    }

    [Test]
    public async Task TheOpenList_IsReadOncePerChange()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var opportunities = world.App.Service<OpportunityStore>();
        var before = await opportunities.OpenAsync(default);
        Assert.That(await opportunities.OpenAsync(default), Is.SameAs(before));
        await world.PostOpportunityAsync();
        Assert.That(await opportunities.OpenAsync(default), Is.Not.SameAs(before), "a new draft moves the counter too");
    }

    /// <summary>The class of bug: a table the open list reads without a trigger that moves its counter.</summary>
    [Test]
    public async Task EveryTableTheOpenListReads_MovesTheCounterOnEveryWrite()
    {
        var tables = ChangeCounterTriggers.TablesIn(InvolvementSql.SelectOpenOpportunities);
        Assert.That(tables, Is.SupersetOf(new[] { "Opportunities", "Organisations", "OpportunityApplications" }));
        await using var app = await TestApp.CreateAsync();
        await using var connection = await app.Database.OpenAsync();
        foreach (var table in tables)
        {
            await ChangeCounterTriggers.AssertMovedByAsync(connection, ChangeCounters.OpenOpportunities, table);
        }
    }
}
