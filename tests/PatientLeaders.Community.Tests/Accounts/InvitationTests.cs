using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Admin;

namespace PatientLeaders.Community.Tests.Accounts;

/// <summary>Joining by invitation in one step; inviting many at once; resending; finding members as an admin.</summary>
public sealed class InvitationTests
{
    [Test]
    public async Task AnInvitation_IsAcceptedInOneStep_WithNoSecondEmail_AndOpensTheWelcome()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        TestApp.AssertRedirect(await admin.SubmitAsync("/admin", new Dictionary<string, string>
        {
            ["Input.Email"] = "pat@example.org", ["Input.Name"] = "Pat Keys", ["Input.Message"] = "So glad you are joining us.",
        }, "form[action*=Invite]"), "/admin");
        var invitation = await app.LastMailToAsync("pat@example.org");
        Assert.That(invitation.TextBody, Does.Contain("Hello Pat Keys").And.Contain("Alex Admin writes:").And.Contain("So glad you are joining us."));

        var pat = app.NewBrowser();
        var link = Journeys.LinkIn(invitation);
        Assert.That((await pat.GetPageAsync(link)).QuerySelector("#Input_DisplayName")?.GetAttribute("value"), Is.EqualTo("Pat Keys"), "the name is filled in");
        var joined = await pat.SubmitAsync(link, new Dictionary<string, string> { ["Input.Handle"] = "pat", ["Input.Password"] = Journeys.Password });
        TestApp.AssertRedirect(joined, "/welcome");
        var welcome = await pat.GetPageAsync("/welcome");
        Assert.That(welcome.Text("h1"), Is.EqualTo("Welcome, Pat Keys"));
        Assert.That(welcome.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")), Is.SupersetOf(new[] { "/account/profile", "/account/settings", "/help", "/" }));
        Assert.That((await app.MailAsync()).Count(m => m.ToAddress == "pat@example.org"), Is.EqualTo(1), "no confirmation email");
        Assert.That(await app.ScalarAsync<long>("SELECT EmailConfirmed FROM Members WHERE Handle = 'pat'"), Is.EqualTo(1));
        Assert.That((await pat.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await app.NewBrowser().GetPageAsync(link)).Text("main"), Does.Contain("has expired, has already been used"), "the link works once");
    }

    [Test]
    public async Task BulkInvitations_ShowEveryProblemBeforeSending_ThenSendOnlyTheGoodRows()
    {
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?> { ["RateLimits:InvitationsPerHour"] = "1000" });
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var list = string.Join("\n",
            "name,email,role",
            "\"Jones, Ann\",ann@example.org,",
            "Bo Lee,bo@example.org,facilitator",
            "Bo again,BO@example.org,",
            "Sam,sam@example.org,",
            "Nobody,not-an-address,",
            "Cy,cy@example.org,Wizard");
        var before = (await app.MailAsync()).Count;

        var check = await Forms.ParseAsync(await admin.SubmitAsync("/admin/invitations",
            new Dictionary<string, string> { ["List"] = list, ["Message"] = "Welcome aboard" }, "form[action*=Check]"));
        var rows = check.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.That(rows.Select(r => (r[2], r[4])), Is.EqualTo(new[]
        {
            ("ann@example.org", "Ready to send"),
            ("bo@example.org", "Ready to send"),
            ("BO@example.org", "This address is on the list more than once"),
            ("sam@example.org", "Already a member"),
            ("not-an-address", "This is not an email address"),
            ("cy@example.org", "This role is not one of the site's roles"),
        }));
        Assert.That(rows[0][1], Is.EqualTo("Jones, Ann"), "a quoted name keeps its comma");
        Assert.That(rows[1][3], Is.EqualTo("Facilitator"));
        Assert.That((await app.MailAsync()).Count, Is.EqualTo(before), "nothing is sent by checking");

        TestApp.AssertRedirect(await admin.SubmitAsync(check, "/admin/invitations", new Dictionary<string, string>(), "form[action*=Send]"), "/admin");
        var sent = (await app.MailAsync()).Skip(before).ToList();
        Assert.That(sent.Select(m => m.ToAddress), Is.EquivalentTo(new[] { "ann@example.org", "bo@example.org" }));
        Assert.That(sent.Single(m => m.ToAddress == "ann@example.org").TextBody, Does.Contain("Hello Jones, Ann").And.Contain("Welcome aboard"));
        Assert.That(await app.ScalarAsync<string>("SELECT Role FROM Invitations WHERE Email = 'bo@example.org'"), Is.EqualTo("Facilitator"));

        var again = await Forms.ParseAsync(await admin.SubmitAsync("/admin/invitations", new Dictionary<string, string> { ["List"] = "ann@example.org" }, "form[action*=Check]"));
        Assert.That(again.Text("tbody"), Does.Contain("Already invited"));
        Assert.That(again.QuerySelector("form[action*=Send]"), Is.Null, "nothing to send");

        var empty = await Forms.ParseAsync(await admin.SubmitAsync("/admin/invitations", new Dictionary<string, string> { ["List"] = "  " }, "form[action*=Check]"));
        Assert.That(empty.ErrorSummary(), Is.EqualTo(new[] { "Paste a list of people to invite, or choose a CSV file" }));
        var unclosed = await Forms.ParseAsync(await admin.SubmitAsync("/admin/invitations",
            new Dictionary<string, string> { ["List"] = "\"Jones, Ann,ann2@example.org\nbo2@example.org" }, "form[action*=Check]"));
        Assert.That(unclosed.ErrorSummary(), Is.EqualTo(new[] { "The list could not be read: a quotation mark is not closed. Check the quotes, or leave them out." }));
        var tooMany = string.Join("\n", Enumerable.Range(0, InvitationList.MaxRows + 1).Select(i => $"p{i}@example.org"));
        var refused = await Forms.ParseAsync(await admin.SubmitAsync("/admin/invitations", new Dictionary<string, string> { ["List"] = tooMany }, "form[action*=Check]"));
        Assert.That(refused.ErrorSummary(), Is.EqualTo(new[] { "The list is too long: invite up to 500 people at a time" }));
        Assert.That(refused.QuerySelector("#List")?.TextContent.Trim(), Does.StartWith("p0@example.org"), "the list is kept");
    }

    [Test]
    public async Task Resending_GivesANewLink_AndTheOldOneStopsWorking()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await admin.SubmitAsync("/admin", new Dictionary<string, string> { ["Input.Email"] = "lee@example.org" }, "form[action*=Invite]");
        var oldLink = Journeys.LinkIn(await app.LastMailToAsync("lee@example.org"));
        TestApp.AssertRedirect(await admin.SubmitAsync("/admin", new Dictionary<string, string>(), "form[action*=Resend]"), "/admin");
        var newLink = Journeys.LinkIn(await app.LastMailToAsync("lee@example.org"));
        Assert.That(newLink, Is.Not.EqualTo(oldLink));
        Assert.That((await app.NewBrowser().GetPageAsync(oldLink)).Text("main"), Does.Contain("has expired, has already been used"));
        Assert.That((await app.NewBrowser().GetPageAsync(newLink)).QuerySelector("#Input_Handle"), Is.Not.Null);
    }

    [Test]
    public async Task Admins_FindMembersByNameHandleOrEmail_AndByRoleAndStatus()
    {
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?> { ["RateLimits:InvitationsPerHour"] = "1000" });
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        await app.InviteMemberAsync(admin, "kit@example.org", "kit", "Mentor");

        static IEnumerable<string> Handles(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("#members ~ .table-scroll tbody .hint").Select(h => h.TextContent.Trim());
        Assert.That(Handles(await admin.GetPageAsync("/admin?q=kit%40example")), Is.EqualTo(new[] { "@kit" }));
        Assert.That(Handles(await admin.GetPageAsync("/admin?q=Member+s")), Is.EqualTo(new[] { "@sam" }));
        Assert.That(Handles(await admin.GetPageAsync("/admin?role=Mentor")), Is.EqualTo(new[] { "@kit" }));
        Assert.That(Handles(await admin.GetPageAsync("/admin?status=Active")), Is.EquivalentTo(new[] { "@admin", "@sam", "@kit" }));
        Assert.That((await admin.GetPageAsync("/admin?status=Suspended")).Text("main"), Does.Contain("No members match that."));
        Assert.That((await admin.GetAsync("/admin?role=Nonsense&status=%00&q=" + new string('%', 300))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
