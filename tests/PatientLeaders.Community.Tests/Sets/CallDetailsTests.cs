using System.Net;
using Dapper;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>
/// A set's way in by video call or phone: only an https link is kept, the facilitator's text survives a refusal,
/// members (never outsiders) see it on the set and in the room, and each invitation carries it, a meeting's own
/// details winning over the set's, in the recipient's language.
/// </summary>
public sealed class CallDetailsTests
{
    private const string Link = "https://meet.example.org/stroke-leaders";

    private static Task<HttpResponseMessage> EditAsync(SetCommunity c, string link, string dialIn) =>
        c.Facilitator.SubmitAsync($"/sets/{c.SetId}/edit", new Dictionary<string, string> { ["Input.CallLink"] = link, ["Input.DialIn"] = dialIn });

    [TestCase("javascript:alert(1)")]
    [TestCase("http://meet.example.org/plain")]
    [TestCase("meet.example.org/no-scheme")]
    [TestCase("data:text/html,hello")]
    [TestCase("https://nhs.uk@evil.example/")]
    public async Task ALinkThatIsNotHttps_IsRefused_WithTheTextKept(string link)
    {
        await using var c = await SetCommunity.CreateAsync();
        var refused = await EditAsync(c, link, "0300 123 4567, PIN 4321");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Forms.ParseAsync(refused);
        Assert.That(page.ErrorSummary(), Has.Some.Contains("starting with https://"));
        Assert.That(page.QuerySelector("#Input_CallLink")!.GetAttribute("value"), Is.EqualTo(link));
        Assert.That(page.QuerySelector("#Input_DialIn")!.GetAttribute("value"), Is.EqualTo("0300 123 4567, PIN 4321"));
        Assert.That(await c.App.ScalarAsync<string>("SELECT CallLink FROM Sets WHERE Id = @id", new { id = c.SetId }), Is.Empty);
    }

    [Test]
    public async Task MembersSeeTheCallDetails_OnTheSetAndInTheRoom_AndOutsidersSeeNothing()
    {
        await using var c = await SetCommunity.CreateAsync();
        TestApp.AssertRedirect(await EditAsync(c, Link, "0300 123 4567, PIN 4321"), $"/sets/{c.SetId}");
        foreach (var url in new[] { $"/sets/{c.SetId}", $"/sets/{c.SetId}/room" })
        {
            var page = await c.Sam.GetPageAsync(url);
            Assert.That(page.QuerySelector($".call-details a[href='{Link}']"), Is.Not.Null, url);
            Assert.That(page.Text(".call-details"), Does.Contain("0300 123 4567, PIN 4321"), url);
            var outsider = await c.Outsider.GetAsync(url);
            Assert.That(outsider.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
            Assert.That(await outsider.Content.ReadAsStringAsync(), Does.Not.Contain("meet.example.org").And.Not.Contain("4321"), url);
        }
        var edit = await c.Facilitator.GetPageAsync($"/sets/{c.SetId}/edit");
        Assert.That(edit.QuerySelector("#Input_CallLink")!.GetAttribute("value"), Is.EqualTo(Link), "the form shows what is saved");

        // A coordinator schedules meetings but is not a member: no call details, and none taken from them.
        var scheduling = await c.Coordinator.GetAsync($"/sets/{c.SetId}/meetings/new");
        Assert.That(scheduling.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await scheduling.Content.ReadAsStringAsync();
        Assert.That(html, Does.Not.Contain("meet.example.org").And.Not.Contain("4321").And.Not.Contain("Input.CallLink"));
        TestApp.AssertRedirect(await c.Coordinator.SubmitAsync($"/sets/{c.SetId}/meetings/new", new Dictionary<string, string>
        {
            ["Input.Date"] = "2030-05-06", ["Input.Time"] = "10:00", ["Input.TimeZone"] = "Europe/London", ["Input.DurationMinutes"] = "120",
        }), $"/sets/{c.SetId}");
    }

    [Test]
    public async Task ARefusedLink_IsExplainedInTheFacilitatorsLanguage()
    {
        await using var c = await SetCommunity.CreateAsync();
        TestApp.AssertRedirect(await c.Facilitator.ClickAsync("/help", "form.language-switch button[value=cy-GB]"), "/help");
        var page = await Forms.ParseAsync(await EditAsync(c, "http://meet.example.org/plain", ""));
        Assert.That(page.ErrorSummary(), Has.Some.Contains("Rhowch gyfeiriad gwe llawn yr alwad"));
    }

    [Test]
    public async Task EachInvitation_CarriesTheCall_AMeetingsOwnDetailsWin_InTheRecipientsLanguage()
    {
        await using var c = await SetCommunity.CreateAsync();
        TestApp.AssertRedirect(await EditAsync(c, Link, "0300 123 4567, PIN 4321"), $"/sets/{c.SetId}");
        await c.App.ScalarAsync<long>("UPDATE Members SET Language = 'cy-GB' WHERE Handle = 'priya'; SELECT 1");
        TestApp.AssertRedirect(await c.Facilitator.ScheduleAsync(c.SetId, new DateOnly(2030, 3, 4), new TimeOnly(10, 0)), $"/sets/{c.SetId}");
        TestApp.AssertRedirect(await c.Facilitator.SubmitAsync($"/sets/{c.SetId}/meetings/new", new Dictionary<string, string>
        {
            ["Input.Date"] = "2030-04-01", ["Input.Time"] = "10:00", ["Input.TimeZone"] = "Europe/London", ["Input.DurationMinutes"] = "120",
            ["Input.DialIn"] = "0800 000 111, PIN 9999",
        }), $"/sets/{c.SetId}");

        await using var connection = await c.App.Database.OpenAsync();
        var mail = (await connection.QueryAsync<(string ToAddress, string TextBody, string CalendarAttachment)>(
            "SELECT ToAddress, TextBody, CalendarAttachment FROM MailOutbox WHERE CalendarAttachment IS NOT NULL ORDER BY Id")).ToList();
        var sam = mail.Where(m => m.ToAddress == "sam@example.org").ToList();
        Assert.That(sam, Has.Count.EqualTo(2));
        Assert.That(sam[0].TextBody, Does.Contain("Or join by video call: " + Link).And.Contain("Or join by phone: 0300 123 4567, PIN 4321"));
        Assert.That(sam[0].CalendarAttachment, Does.Contain("LOCATION:" + Link));
        Assert.That(sam[1].TextBody, Does.Contain("Or join by phone: 0800 000 111, PIN 9999").And.Contain(Link).And.Not.Contain("0300 123 4567"),
            "the meeting's own phone details, the set's link");
        var priya = mail.First(m => m.ToAddress == "priya@example.org");
        Assert.That(priya.TextBody, Does.Contain("Neu ymunwch drwy alwad fideo: " + Link));

        var details = await c.Sam.GetPageAsync($"/sets/{c.SetId}");
        Assert.That(details.Text(".call-details"), Does.Contain("0300 123 4567"), "the next meeting is the first, which uses the set's details");
    }
}
