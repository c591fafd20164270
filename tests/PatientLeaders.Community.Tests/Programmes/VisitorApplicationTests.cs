using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>A visitor who finds a cohort registers and comes back to its application form, through the confirmation email and sign-in.</summary>
public sealed class VisitorApplicationTests
{
    [Test]
    public async Task AVisitor_RegistersFromTheApplyButton_AndLandsOnTheFormAfterSigningIn()
    {
        await using var world = await ProgrammeWorld.CreateAsync(null, ("Community:Registration", "Open"));
        var cohortId = await world.CreateCohortAsync();
        var apply = $"/programmes/cohorts/{cohortId}/apply";
        var visitor = world.App.NewBrowser();

        var toSignIn = await visitor.GetAsync(apply);
        TestApp.AssertRedirect(toSignIn, "/account/login");
        var signIn = await visitor.GetPageAsync(toSignIn.Headers.Location!.PathAndQuery);
        var register = signIn.QuerySelector("main a[href^='/account/register']")!.GetAttribute("href")!;
        Assert.That(Uri.UnescapeDataString(register), Does.EndWith("returnUrl=" + apply));

        TestApp.AssertRedirect(await visitor.SubmitAsync(register, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Vic", ["Input.Handle"] = "vic", ["Input.Email"] = "vic@example.org", ["Input.Password"] = Journeys.Password,
        }), "/account/check-email");
        var confirm = Journeys.LinkIn(await world.App.LastMailToAsync("vic@example.org"));
        var confirmed = await visitor.SubmitAsync(confirm, new Dictionary<string, string>());
        TestApp.AssertRedirect(confirmed, "/account/login?ReturnUrl=");
        var signedIn = await visitor.SubmitAsync(confirmed.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = "vic@example.org", ["Input.Password"] = Journeys.Password,
        });
        // The first sign-in opens the welcome, whose "Continue" goes on to the application form.
        TestApp.AssertRedirect(signedIn, "/welcome?returnUrl=" + Uri.EscapeDataString(apply));
        var welcome = await visitor.GetPageAsync(signedIn.Headers.Location!.OriginalString);
        Assert.That(welcome.QuerySelectorAll("main a.button").Single().GetAttribute("href"), Is.EqualTo(apply));
        TestApp.AssertRedirect(await visitor.SubmitAsync(apply, new Dictionary<string, string> { ["Input.Why"] = "To lead", ["Input.Change"] = "Discharge" }),
            "/programmes/applications");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM CohortApplications"), Is.EqualTo(1));

        // A return address elsewhere is dropped, not followed.
        var elsewhere = await world.App.NewBrowser().GetPageAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.That(elsewhere.QuerySelector("main a[href^='/account/register']")!.GetAttribute("href"), Is.EqualTo("/account/register"));
        Assert.That((await world.App.NewBrowser().GetAsync("/account/register?returnUrl=https%3A%2F%2Fevil.example%2F")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AClinician_SaysSoOnTheirProfile_AndAPartnershipApplicationStartsFromIt()
    {
        await using var world = await ProgrammeWorld.CreateAsync();
        var slug = await world.CreateProgrammeAsync("Partners in change", kind: "Partnership");
        var cohortId = await world.CreateCohortAsync(slug: slug);
        var cara = await world.MemberAsync("cara");
        TestApp.AssertRedirect(await cara.PostFormAsync("/account/profile", "main form[method=post]", ("Input.MemberType", "Clinician")), "/members/cara");
        Assert.That((await cara.GetPageAsync("/members/cara")).Text("main"), Does.Contain("Clinician"));
        var form = await cara.GetPageAsync($"/programmes/cohorts/{cohortId}/apply");
        Assert.That(form.QuerySelector("#Input_TakingPartAs option[selected]")!.GetAttribute("value"), Is.EqualTo("Clinician"));
        var refused = await Forms.ParseAsync(await cara.PostFormAsync("/account/profile", "main form[method=post]", ("Input.MemberType", "Surgeon")));
        Assert.That(refused.ErrorSummary(), Has.Some.EqualTo("Choose how you take part in health and care"));
    }
}
