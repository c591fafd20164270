using System.Globalization;
using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Profiles;

namespace PatientLeaders.Community.Tests.Involvement;

/// <summary>
/// Who may do what in the pool, over every page and handler: guest, member not in the pool, pool member, applicant,
/// another organisation's contact, the organisation's own contact, coordinator and admin. Shared lived experience,
/// access needs, receipts, claims and statements are what is at stake.
/// </summary>
public sealed class InvolvementAuthorizationTests
{
    private const string Needs = "Needs a hearing loop";
    private const string Lived = "Lives with multiple sclerosis";

    [Test]
    public async Task EveryPageAndHandler_AnswersEachRoleAsItShould()
    {
        await using var world = await InvolvementWorld.CreateAsync();
        var otherContact = await world.Programmes.MemberAsync("olga");
        await InvolvementWorld.AddOrganisationAsync(world.Programmes, "Breathe Easy Network", otherContact, "olga@example.org");
        var pool = await world.LeaderAsync("pam");
        var applicant = await world.LeaderAsync("abe", needs: Needs);
        await world.App.Service<ProfileStore>().SaveLivedExperienceAsync(await world.Programmes.IdOfAsync("abe"), new LivedExperienceEdit(Lived, Visibility.OnlyMe, "", Visibility.OnlyMe), true, CancellationToken.None);
        var leader = await world.LeaderAsync("eve");
        var member = await world.Programmes.MemberAsync("meg");
        var guest = world.App.NewBrowser();

        var opportunityId = await world.PostOpportunityAsync(wanted: 2);
        await world.ApproveAsync(opportunityId);
        var applicationId = await world.ApplyAsync(applicant, opportunityId, shareNeeds: true, shareLived: true);
        var leaderApplication = await world.ApplyAsync(leader, opportunityId);
        TestApp.AssertRedirect(await world.DecideAsync(opportunityId, leaderApplication, "Select"), $"/opportunities/{opportunityId}/applicants");
        var engagementId = await world.ConfirmAsync(leader, leaderApplication);
        var today = InvolvementWorld.Day(DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime));
        TestApp.AssertRedirect(await leader.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=Hours]",
            ("Hours.WorkedOn", today), ("Hours.Hours", "3"), ("Hours.Minutes", "0"), ("Hours.Description", "Workshop")), $"/involvement/work/{engagementId}");
        var claimId = await world.App.ScalarAsync<long>("SELECT Id FROM WorkClaims");
        TestApp.AssertRedirect(await InvolvementWorld.UploadReceiptAsync(leader, engagementId, today, "4.20"), $"/involvement/work/{engagementId}");
        var receiptClaim = await world.App.ScalarAsync<long>("SELECT Id FROM WorkClaims WHERE ReceiptFileId IS NOT NULL");

        var everyone = new (string Name, HttpClient Browser)[]
        {
            ("guest", guest), ("member", member), ("pool member", pool), ("applicant", applicant), ("another organisation's contact", otherContact),
            ("own contact", world.Contact), ("coordinator", world.Coordinator), ("admin", world.Admin),
        };
        string[] staff = ["coordinator", "admin"];
        string[] managers = ["own contact", .. staff];
        string[] seesOpportunity = ["pool member", "applicant", .. managers];

        foreach (var (name, browser) in everyone)
        {
            var isGuest = name == "guest";
            async Task Expect(string url, bool allowed, string? mustContain = null)
            {
                var response = await browser.GetAsync(url);
                if (isGuest)
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{name} {url}");
                    Assert.That(response.Headers.Location!.OriginalString, Does.Contain("/account/login"), $"{name} {url}");
                    return;
                }
                if (allowed)
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{name} {url}");
                    if (mustContain is not null)
                    {
                        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(mustContain), $"{name} {url}");
                    }
                }
                else
                {
                    Assert.That(response.StatusCode is HttpStatusCode.NotFound || response.StatusCode == HttpStatusCode.Redirect
                        && response.Headers.Location!.OriginalString.Contains("/errors/403", StringComparison.Ordinal), Is.True, $"{name} {url}: {response.StatusCode}");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(Needs).And.Not.Contain(Lived), $"{name} {url}");
                    }
                }
            }

            // The list: opportunities only for the pool (and coordinators); the organisation's own list only for its contacts.
            if (!isGuest)
            {
                var list = await (await browser.GetAsync("/opportunities")).Content.ReadAsStringAsync();
                var seesList = name is "pool member" or "applicant" or "own contact" or "coordinator" or "admin";
                Assert.That(list, seesList ? Does.Contain("Stroke follow-up redesign group") : Does.Not.Contain("Stroke follow-up redesign group"), $"{name} /opportunities");
            }
            await Expect($"/opportunities/{opportunityId}", seesOpportunity.Contains(name));
            await Expect($"/opportunities/{opportunityId}/applicants", managers.Contains(name), mustContain: Needs);
            await Expect($"/opportunities/edit/{opportunityId}", managers.Contains(name));
            await Expect("/opportunities/edit", name is "another organisation's contact" or "own contact" or "coordinator" or "admin");
            await Expect("/opportunities/review", staff.Contains(name));
            await Expect("/organisations/manage", staff.Contains(name));
            await Expect($"/organisations/manage/{world.Slug}", staff.Contains(name));
            await Expect("/involvement/overview", staff.Contains(name));
            await Expect("/stories/manage", staff.Contains(name));
            await Expect($"/involvement/work/{engagementId}", managers.Contains(name));
            await Expect($"/involvement/receipts/{receiptClaim}", managers.Contains(name));
            await Expect($"/involvement/work?handler=Csv&organisationId={world.OrganisationId}", managers.Contains(name), mustContain: "Claim,Leader,Activity");
            var statement = await browser.GetAsync("/involvement/statement");
            if (!isGuest)
            {
                Assert.That(await statement.Content.ReadAsStringAsync(), Does.Not.Contain("Workshop"), $"{name}: someone else's statement");
            }
            Assert.That((await browser.GetAsync($"/organisations/{world.Slug}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{name}: a verified organisation's page is public");

            // Every handler that changes something, posted with a valid token by someone who may not.
            var token = await TokenAsync(browser, isGuest);
            // Posts someone may make are left out: they would change what the rest of the matrix relies on.
            var posts = new List<(string Url, string[] Allowed)>
            {
                ($"/opportunities/{opportunityId}/applicants?applicationId={applicationId}&handler=Shortlist", managers),
                ($"/opportunities/{opportunityId}?handler=Close", managers),
                ($"/opportunities/review?opportunityId={opportunityId}&handler=Return", staff),
                ($"/organisations/manage/{world.Slug}?on=True&handler=Pause", staff),
                ($"/organisations/manage/{world.Slug}?handler=AddContact", staff),
                ($"/involvement/work/{engagementId}?claimId={claimId}&handler=Approve", managers),
                ($"/involvement/work/{engagementId}?claimId={claimId}&handler=TakeBack", []),
                ($"/involvement/work/{engagementId}?handler=End", managers),
                ($"/involvement/applications?applicationId={applicationId}&what=AccessNeeds&handler=Unshare", ["applicant"]),
                ($"/involvement/applications?applicationId={applicationId}&handler=Withdraw", ["applicant"]),
                ($"/involvement/applications?applicationId={leaderApplication}&handler=Confirm", []),
            };
            foreach (var (url, allowed) in posts.Where(p => !p.Allowed.Contains(name)))
            {
                var response = await browser.PostAsync(url, Form(token, ("Contact.Email", "x@example.org"), ("Input.Note", "No")));
                var refused = response.StatusCode == HttpStatusCode.NotFound
                    || response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location!.OriginalString.Contains("/errors/403", StringComparison.Ordinal)
                        || response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal));
                Assert.That(refused, Is.True, $"{name} POST {url}: {response.StatusCode} {response.Headers.Location}");
            }
        }

        // Nothing the refused posts tried took effect.
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM WorkClaims WHERE Status <> 'Submitted'"), Is.EqualTo(0));
        Assert.That(await world.App.ScalarAsync<string>("SELECT SharedAccessNeeds FROM OpportunityApplications WHERE Id = @applicationId", new { applicationId }), Is.EqualTo(Needs));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Organisations WHERE PausedAt IS NOT NULL"), Is.EqualTo(0));
        Assert.That(await world.App.ScalarAsync<string>("SELECT Status FROM Opportunities WHERE Id = @opportunityId", new { opportunityId }), Is.EqualTo("Approved"));
    }

    private static async Task<string> TokenAsync(HttpClient browser, bool guest) =>
        (await browser.GetPageAsync(guest ? "/account/login" : "/account/settings")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] values) =>
        new([new("__RequestVerificationToken", token), .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))]);
}
