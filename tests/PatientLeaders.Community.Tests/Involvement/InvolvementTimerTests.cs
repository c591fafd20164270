using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Involvement.Opportunities;
using PatientLeaders.Community.Web.Features.Involvement.Work;

namespace PatientLeaders.Community.Tests.Involvement;

/// <summary>
/// No application waits in silence, no claim is forgotten and no organisation escapes saying what changed: the timers,
/// on a fake clock. The background job may run a pass too as the clock moves, so the tests count the mail sent, not
/// what each pass they call returns.
/// </summary>
public sealed class InvolvementTimerTests
{
    [Test]
    public async Task AClosingDateWithNoDecision_TellsEveryApplicantAndTheCoordinators_Once()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var sam = await world.LeaderAsync("sam");
        var ann = await world.LeaderAsync("ann");
        var opportunityId = await world.PostOpportunityAsync(closesInDays: 5, wanted: 1);
        await world.ApproveAsync(opportunityId);
        await world.ApplyAsync(sam, opportunityId);
        var annApplication = await world.ApplyAsync(ann, opportunityId);
        TestApp.AssertRedirect(await world.DecideAsync(opportunityId, annApplication, "NotChosen"), $"/opportunities/{opportunityId}/applicants");
        var opportunities = world.App.Service<OpportunityStore>();

        async Task<int> Count(string to, string subject) =>
            (await world.App.MailAsync()).Count(m => m.ToAddress == to && m.Subject.StartsWith(subject, StringComparison.Ordinal));

        await world.Programmes.PassDaysAsync(5, sam, ann, world.Contact);
        await opportunities.NoticeClosedWithoutDecisionAsync(CancellationToken.None);
        Assert.That(await Count("sam@example.org", "Still waiting"), Is.Zero, "the closing day itself is still open");
        await world.Programmes.PassDaysAsync(1, sam, ann, world.Contact);
        await opportunities.NoticeClosedWithoutDecisionAsync(CancellationToken.None);
        await opportunities.NoticeClosedWithoutDecisionAsync(CancellationToken.None);
        Assert.That(await Count("sam@example.org", "Still waiting"), Is.EqualTo(1), "Sam is still waiting: told once");
        Assert.That(await Count("ann@example.org", "Still waiting"), Is.Zero, "Ann already had her answer");
        Assert.That(await Count("pat@example.org", "No decision after closing"), Is.EqualTo(1));
    }

    [Test]
    public async Task ClaimsLeftUnapproved_AreRaisedWithTheCoordinators_AndFinishedWorkIsChasedUntilAnswered()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var sam = await world.LeaderAsync("sam");
        var opportunityId = await world.PostOpportunityAsync(closesInDays: 1, workDays: 1);
        await world.ApproveAsync(opportunityId);
        var application = await world.ApplyAsync(sam, opportunityId);
        TestApp.AssertRedirect(await world.DecideAsync(opportunityId, application, "Select"), $"/opportunities/{opportunityId}/applicants");
        var engagementId = await world.ConfirmAsync(sam, application);
        var today = InvolvementWorld.Day(DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime));
        TestApp.AssertRedirect(await sam.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=Hours]",
            ("Hours.WorkedOn", today), ("Hours.Hours", "1"), ("Hours.Minutes", "0"), ("Hours.Description", "Briefing call")), $"/involvement/work/{engagementId}");
        var work = world.App.Service<WorkStore>();
        var settings = new InvolvementOptions();

        await world.Programmes.PassDaysAsync(settings.ApprovalDays - 1, sam, world.Contact);
        await work.RunPassAsync(settings.ApprovalDays, settings.ImpactReminderDays, CancellationToken.None);
        Assert.That((await world.App.MailAsync()).Where(m => m.Subject.StartsWith("Claims waiting too long", StringComparison.Ordinal)), Is.Empty, "still inside the window");
        await world.Programmes.PassDaysAsync(2, sam, world.Contact);
        await work.RunPassAsync(settings.ApprovalDays, settings.ImpactReminderDays, CancellationToken.None);
        await work.RunPassAsync(settings.ApprovalDays, settings.ImpactReminderDays, CancellationToken.None);
        var raised = (await world.App.MailAsync()).Where(m => m.Subject.StartsWith("Claims waiting too long", StringComparison.Ordinal)).ToList();
        Assert.That(raised.Select(m => m.ToAddress), Is.EquivalentTo(new[] { "pat@example.org", "admin@example.org" }), "each coordinator, once");

        // The work's last day has passed too: it ended by itself, and the organisation is reminded until it answers.
        int Reminders(IEnumerable<SentMail> mail) => mail.Count(m => m.ToAddress == "tariq@example.org" && m.Subject.StartsWith("What changed?", StringComparison.Ordinal));
        Assert.That(Reminders(await world.App.MailAsync()), Is.EqualTo(1));
        await work.RunPassAsync(settings.ApprovalDays, settings.ImpactReminderDays, CancellationToken.None);
        Assert.That(Reminders(await world.App.MailAsync()), Is.EqualTo(1), "not again at once");
        await world.Programmes.PassDaysAsync(settings.ImpactReminderDays, sam, world.Contact);
        await work.RunPassAsync(settings.ApprovalDays, settings.ImpactReminderDays, CancellationToken.None);
        Assert.That(Reminders(await world.App.MailAsync()), Is.EqualTo(2), "again after the interval");
        TestApp.AssertRedirect(await world.Contact.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=Impact]", ("Impact.DecisionInfluenced", "NotYet"),
            ("Impact.WhatChanged", "Nothing"), ("Impact.Adopted", "NotYet")), $"/involvement/work/{engagementId}");
        await world.Programmes.PassDaysAsync(settings.ImpactReminderDays, sam, world.Contact);
        await work.RunPassAsync(settings.ApprovalDays, settings.ImpactReminderDays, CancellationToken.None);
        Assert.That(Reminders(await world.App.MailAsync()), Is.EqualTo(2), "answered: no more reminders");
    }

    [Test]
    public async Task StrongMatches_AreEmailedAtOnce_AndTheRest_ComeInTheWeeklyDigest()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var strong = await world.LeaderAsync("sam", kind: "ServiceRedesign", theme: "LongTermCondition");
        var weak = await world.LeaderAsync("ann", kind: "Boards");
        TestApp.AssertRedirect(await weak.PostFormAsync("/account/settings", "main form[method=post]", ("Input.DigestFrequency", "Weekly")), "/account/settings");
        var opportunityId = await world.PostOpportunityAsync(themes: "LongTermCondition", closesInDays: 20);
        await world.ApproveAsync(opportunityId);
        var opportunities = world.App.Service<OpportunityStore>();
        var settings = new InvolvementOptions();

        async Task<List<SentMail>> Mail(string subject) => (await world.App.MailAsync()).Where(m => m.Subject.StartsWith(subject, StringComparison.Ordinal)).ToList();

        await opportunities.SendStrongMatchesAsync(settings.StrongMatchScore, CancellationToken.None);
        await opportunities.SendStrongMatchesAsync(settings.StrongMatchScore, CancellationToken.None);
        var strongMail = await Mail("An opportunity that suits you");
        Assert.That(strongMail.Select(m => m.ToAddress), Is.EqualTo(new[] { "sam@example.org" }), "the strong match only, once; never the organisation's own contact");
        Assert.That(strongMail[0].TextBody, Does.Contain("Living with a long-term condition"));

        await opportunities.SendDigestsAsync(settings.StrongMatchScore, CancellationToken.None);
        Assert.That(await Mail("1 new opportunity"), Is.Empty, "a week has not passed");
        await world.Programmes.PassDaysAsync(7, strong, weak, world.Contact);
        await opportunities.SendDigestsAsync(settings.StrongMatchScore, CancellationToken.None);
        await opportunities.SendDigestsAsync(settings.StrongMatchScore, CancellationToken.None);
        var digests = await Mail("1 new opportunity");
        Assert.That(digests.Select(m => m.ToAddress).ToList(), Is.EqualTo(new[] { "ann@example.org" }), "Ann only, once: Sam has no digest on, and had his at once");
        Assert.That(digests[0].TextBody, Does.Contain("Stroke follow-up redesign group"));
    }
}
